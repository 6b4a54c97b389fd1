import DDIKit
import Foundation

/// `.ddi/apply.lock`: one Graph apply at a time per inventory. Two applies at once each read the
/// same journal and sent every step twice; the second now fails at once instead of waiting, since
/// by the time the first is done its plan may be stale.
public enum ApplyLock {
    public static let relativePath = ".ddi/apply.lock"

    public static func acquire(root: String) throws(ApplyRefusal) -> FileLock {
        let path = (root as NSString).appendingPathComponent(relativePath)
        do throws(FileLockError) {
            return try FileLock(path: path, timeout: 0)
        } catch {
            switch error {
            case .busy(let holder):
                let who = holder.map { "pid \($0)" } ?? "pid unknown"
                throw ApplyRefusal("another ddi apply is running (\(who)) on this inventory (lock \(relativePath)); nothing was applied, wait for it to finish and run apply again")
            case .unavailable(let reason):
                throw ApplyRefusal("cannot take the apply lock: \(reason)")
            }
        }
    }
}
