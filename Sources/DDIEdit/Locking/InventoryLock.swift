import DDIKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock (`flock` on `.ddi/lock` under the inventory root, see `FileLock`) held while an edit
/// reads, changes and writes the inventory, so that two edits at once cannot lose one of them.
/// The lock goes when the process ends, even if it crashes.
public final class InventoryLock {
    public static let relativePath = ".ddi/lock"
    public let path: String
    private let lock: FileLock

    /// Waits up to `timeout` seconds for the lock.
    public init(root: String, timeout: Double = 10) throws {
        path = root + "/" + Self.relativePath
        do throws(FileLockError) {
            lock = try FileLock(path: path, timeout: timeout)
        } catch {
            switch error {
            case .busy: throw EditError.locked(Self.relativePath)
            case .unavailable(let reason): throw EditError.writeFailed(path, reason)
            }
        }
    }

    public func release() { lock.release() }
}

/// Writes files so that a reader sees the old or the new content, never a mix: a temporary file in the
/// same directory, flushed to disk, then renamed over the original (keeping its permissions).
public enum AtomicWriter {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).ddi-\(getpid()).tmp"
        var mode: mode_t = 0o644
        var status = stat()
        if stat(path, &status) == 0 { mode = status.st_mode & 0o7777 }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw EditError.writeFailed(path, String(cString: strerror(errno))) }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        fchmod(descriptor, mode)
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw EditError.writeFailed(path, failure)
        }
        // Make the rename itself durable.
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }
}
