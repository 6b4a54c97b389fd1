import Crypto
import Foundation

/// A snapshot file read in chunks for `JSONRecordReader`, so that a 100 MB export is never held
/// whole: the window holds the text from the reader's mark (the record being read) on. Every byte
/// of the file is hashed as it goes by, since the plan names each file by the SHA-256 of its bytes
/// as stored (byte order mark included).
final class JSONByteStream {
    /// Bytes read per `read(2)` call; a record longer than the window grows it.
    static let defaultChunkSize = 1 << 20

    private let descriptor: Int32
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    /// The text offset of `storage[0]` (the text starts after a UTF-8 byte order mark).
    private(set) var base = 0
    private var hasher = SHA256()
    private var atEnd = false
    /// True when a `read(2)` failed: what was read is not the whole file.
    private(set) var readFailed = false
    /// True when the file starts with a UTF-16 byte order mark: it must be decoded whole (`TextDecoding`).
    private(set) var isUTF16 = false
    /// The file's size when it was opened.
    let fileSize: Int

    /// Opens `path` and reads its first chunk; nil when it cannot be opened or is not a regular file
    /// (the caller then reads it as before and reports what is wrong).
    init?(path: String, chunkSize: Int = defaultChunkSize) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        fileSize = Int(status.st_size)
        storage = .allocate(capacity: max(chunkSize, 4))
        fill()
        let head = UnsafeBufferPointer(rebasing: storage[0..<min(count, 3)])
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            dropPrefix(3)
            base = 0
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            isUTF16 = true
        }
    }

    deinit {
        storage.deallocate()
        close(descriptor)
    }

    /// The text read and kept so far: offsets `base..<base + window.count`.
    var window: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[0..<count]) }

    /// Forgets the text before `keep` and reads until the text offset `index` is in the window or
    /// the file ends. True when it is.
    func refill(keepingFrom keep: Int, through index: Int) -> Bool {
        while base + count <= index, !atEnd {
            if keep > base { dropPrefix(min(keep - base, count)) }
            if count == storage.count { grow() }
            fill()
        }
        return index < base + count
    }

    /// Reads the rest of the file (hashing it) and gives its digest, `sha256:` and hex; nil when a
    /// read failed.
    func digest() -> String? {
        while !atEnd {
            dropPrefix(count)
            fill()
        }
        guard !readFailed else { return nil }
        return "sha256:" + hasher.finalize().map { byteHex($0) }.joined()
    }

    /// Reads into the free end of the storage until it is full or the file ends.
    private func fill() {
        while count < storage.count, !atEnd {
            let free = storage.count - count
            let got = storage.baseAddress.map { read(descriptor, $0 + count, free) } ?? 0
            if got < 0 {
                if errno == EINTR { continue }
                readFailed = true
                atEnd = true
            } else if got == 0 {
                atEnd = true
            } else {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[count..<(count + got)])))
                count += got
            }
        }
    }

    private func dropPrefix(_ length: Int) {
        guard length > 0, let start = storage.baseAddress else { return }
        let kept = count - length
        if kept > 0 { memmove(start, start + length, kept) }
        count = kept
        base += length
    }

    private func grow() {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
        if let from = storage.baseAddress, let to = larger.baseAddress { to.update(from: from, count: count) }
        storage.deallocate()
        storage = larger
    }
}
