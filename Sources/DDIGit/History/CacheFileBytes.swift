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
    /// `populate`: fault every page in at once, for a reader of the whole file; a reader of a few parts
    /// (a number's history) maps it lazily and touches only their pages.
    static func read(_ path: String, populate: Bool = true) -> CacheFileBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), descriptor, 0)
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
        write([bytes], to: path)
    }

    /// `parts` one after the other, as one file (no copy of them into one buffer).
    static func write(_ parts: [[UInt8]], to path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return
        }
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var complete = true
        for part in parts where complete {
            complete = part.withUnsafeBytes { writeAll($0, to: descriptor) }
        }
        if close(descriptor) != 0 { complete = false }
        if !complete || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}
