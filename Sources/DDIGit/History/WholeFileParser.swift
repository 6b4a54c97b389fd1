import DDIKit
import Foundation

/// Parses the files a commit added or deleted (each read whole) on other threads while the walk goes
/// on, instead of on the thread that compares versions.
///
/// During a cold walk the comparing thread waits for the blob-reading thread most of the time (on the
/// benchmark history the reading thread is busy throughout, the comparing one about a third of it),
/// so whole files are parsed in that slack. Before, they were rebuilt by a second pack reader and
/// parsed ahead of the walk, a phase that ran while the reading thread stood idle and that rebuilt the
/// same delta chains the reading thread then rebuilt again.
///
/// Each file is parsed with `DeclaredEntries.parse` exactly as `BlobStore.entries` parses it, and the
/// results are handed back by pair index, so the order of the walk's records does not depend on
/// which parse finishes first.
final class WholeFileParser: @unchecked Sendable {
    private let queue = DispatchQueue(label: "ddi.whole-files", attributes: .concurrent)
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var parsed: [Int: [DeclaredEntry]] = [:]

    /// Starts parsing `bytes` (the file at `path`) for pair `index`.
    func parse(_ bytes: [UInt8], path: String, for index: Int) {
        queue.async(group: group) { [self] in
            let entries = DeclaredEntries.parse(bytes, path: path) ?? []
            lock.lock()
            parsed[index] = entries
            lock.unlock()
        }
    }

    /// Waits for every parse started so far; the entries of each file by pair index.
    func finish() -> [Int: [DeclaredEntry]] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return parsed
    }
}
