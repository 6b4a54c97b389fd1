import Foundation

/// The bytes of one `.ddi/cache/` file, which readers borrow while this object lives (`ByteReader`
/// over `buffer`), so that no record is copied out of it before it is decoded.
///
/// The file is mapped, not read: reading 30 MB copied them into fresh pages, and faulting those in was
/// half of a warm `ddi history` (issue 15's profile). ddi never changes a cache file in place (`write`
/// renames a new file over it), so a mapping always sees one complete version of the file.
final class CacheFileBytes {
    let buffer: UnsafeRawBufferPointer
    private let isMapped: Bool

    private init(buffer: UnsafeRawBufferPointer, isMapped: Bool) {
        self.buffer = buffer
        self.isMapped = isMapped
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            buffer.deallocate()
        }
    }

    /// The whole file, or nil when it cannot be read completely (a missing file is simply no cache).
    static func read(_ path: String) -> CacheFileBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0)
        if let mapped, mapped != UnsafeMutableRawPointer(bitPattern: -1) {
            return CacheFileBytes(buffer: UnsafeRawBufferPointer(start: mapped, count: size), isMapped: true)
        }
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        var filled = 0
        while filled < size, let base = memory.baseAddress {
            let count = Foundation.read(descriptor, base + filled, size - filled)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        guard filled == size else {
            memory.deallocate()
            return nil
        }
        return CacheFileBytes(buffer: UnsafeRawBufferPointer(memory), isMapped: false)
    }

    /// Replaces the file at `path` atomically (a temporary file renamed over it). A cache that cannot be
    /// written only costs time next run, so failures are ignored.
    static func write(_ bytes: [UInt8], to path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            // Nothing to do: see above.
        }
    }
}
