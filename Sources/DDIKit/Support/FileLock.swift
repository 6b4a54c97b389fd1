import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `FileLock` was not taken.
public enum FileLockError: Error, Equatable, Sendable {
    /// Another process (or another open of the file) holds the lock; `holder` is the pid it wrote, when readable.
    case busy(holder: Int32?)
    /// The lock file or its directory cannot be created or opened.
    case unavailable(String)
}

/// An advisory lock (`flock`) on one file, shared by lifecycle edits (`.ddi/lock`) and Graph applies
/// (`.ddi/apply.lock`). The holder writes its pid into the file so that a refused caller can say who
/// holds it. The kernel drops the lock when the process ends, even by a crash or SIGKILL, so a stale
/// lock file never blocks anyone.
public final class FileLock {
    public let path: String
    private var descriptor: Int32

    /// Takes the lock, creating the file and its directory when needed. `timeout` 0 tries once and
    /// fails at once when the lock is held; otherwise it retries every 50 ms until `timeout` seconds passed.
    public init(path: String, timeout: Double = 0) throws(FileLockError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .unavailable("cannot create \(directory): \(error.localizedDescription)")
            }
        }
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unavailable("cannot open \(path): \(String(cString: strerror(errno)))") }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            let busy = failure == EWOULDBLOCK || failure == EINTR
            guard busy, Date() < deadline else {
                close(descriptor)
                descriptor = -1
                if busy { throw .busy(holder: Self.holder(path: path)) }
                throw .unavailable("cannot lock \(path): \(String(cString: strerror(failure)))")
            }
            usleep(50_000)
        }
        recordHolder()
    }

    /// The pid the current holder wrote, if the file holds one.
    public static func holder(path: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data.prefix(32), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = Int32(text), pid > 0 else { return nil }
        return pid
    }

    private func recordHolder() {
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0 else { return }
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    public func release() {
        guard descriptor >= 0 else { return }
        // Empty the pid first: a reader that finds the file unlocked must not name a finished process.
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
