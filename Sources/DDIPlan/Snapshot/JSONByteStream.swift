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
    /// False for a stream that reads a part of a file for `SplitRecordReading`: the file's digest
    /// is taken by the stream that reads it from its start.
    private let hashing: Bool
    /// Bytes before the text: 3 after a UTF-8 byte order mark, else 0 (text offset + this = file offset).
    private(set) var textStart = 0
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
        hashing = true
        storage = .allocate(capacity: max(chunkSize, 4))
        fill()
        let head = UnsafeBufferPointer(rebasing: storage[0..<min(count, 3)])
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            dropPrefix(3)
            base = 0
            textStart = 3
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            isUTF16 = true
        }
    }

    /// Opens `path` to read its text from the text offset `textOffset` on, without hashing
    /// (`textStart`: the byte order mark's length, as the stream from the start found it). Nil
    /// when it cannot be opened, is not a regular file or the offset lies outside it.
    init?(path: String, textOffset: Int, textStart: Int, chunkSize: Int = defaultChunkSize) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, textOffset >= 0,
              textOffset + textStart <= Int(status.st_size),
              lseek(descriptor, off_t(textOffset + textStart), SEEK_SET) == off_t(textOffset + textStart) else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        fileSize = Int(status.st_size)
        hashing = false
        self.textStart = textStart
        base = textOffset
        storage = .allocate(capacity: max(chunkSize, 4))
        fill()
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

    /// Forgets the text before the text offset `index` (reading, and hashing, what lies before it).
    func skip(to index: Int) {
        _ = refill(keepingFrom: index, through: index)
        if index > base { dropPrefix(min(index - base, count)) }
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
                if hashing { hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: storage[count..<(count + got)]))) }
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
