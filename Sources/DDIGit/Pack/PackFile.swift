#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kinds of entry a pack holds (git's `OBJ_*` numbers).
enum PackEntryKind: Equatable {
    case commit, tree, blob, tag
    /// A delta against the object that starts `distance` bytes before this entry.
    case offsetDelta(baseOffset: UInt64)
    /// A delta against the object with this id.
    case referenceDelta(base: [UInt8])
}

/// The header of one pack entry: what it is, how long its inflated data is, where that data starts.
struct PackEntryHeader: Equatable {
    var kind: PackEntryKind
    var size: Int
    var dataOffset: UInt64
}

/// One pack file, read with `pread` (never mapped: a history walk reads most of a pack, and mapped
/// pages would count as ddi's memory). Every length read from the file is checked before it is used.
final class PackFile {
    let index: PackIndex
    private let descriptor: Int32
    let fileSize: UInt64
    /// Object offsets, ascending: an entry's compressed data ends where the next entry starts.
    private let offsets: [UInt64]
    private let inflater = Inflater()
    /// Inflated entries larger than this are left to libgit2.
    static let largestEntry = 1 << 30

    init?(index: PackIndex) {
        let descriptor = open(index.packPath, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 32 else {
            close(descriptor)
            return nil
        }
        self.index = index
        self.descriptor = descriptor
        self.fileSize = UInt64(status.st_size)
        self.offsets = index.sortedOffsets()
    }

    deinit { close(descriptor) }

    /// Reads `count` bytes at `offset` (fewer at the end of the file), nil on a read error.
    func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard offset < fileSize, count >= 0 else { return nil }
        let wanted = Int(min(UInt64(count), fileSize - offset))
        var complete = false
        let buffer = [UInt8](unsafeUninitializedCapacity: max(wanted, 1)) { raw, initialized in
            var done = 0
            while done < wanted, let base = raw.baseAddress {
                let got = pread(descriptor, base + done, wanted - done, off_t(offset) + off_t(done))
                if got <= 0 { break }
                done += got
            }
            complete = done == wanted
            initialized = complete ? wanted : 0
        }
        return complete ? buffer : nil
    }

    /// The header of the entry at `offset`, nil when it cannot be one.
    func header(at offset: UInt64) -> PackEntryHeader? {
        guard let bytes = read(at: offset, count: 32) else { return nil }
        return Self.header(bytes, at: offset)
    }

    static func header(_ bytes: [UInt8], at offset: UInt64) -> PackEntryHeader? {
        guard !bytes.isEmpty else { return nil }
        var cursor = 0
        var byte = bytes[0]
        let type = (byte >> 4) & 7
        var size = UInt64(byte & 15)
        var shift: UInt64 = 4
        while byte & 0x80 != 0 {
            cursor += 1
            guard cursor < bytes.count, shift <= 56 else { return nil }
            byte = bytes[cursor]
            size |= UInt64(byte & 0x7f) << shift
            shift += 7
        }
        cursor += 1
        guard size <= UInt64(largestEntry) else { return nil }
        let kind: PackEntryKind
        switch type {
        case 1: kind = .commit
        case 2: kind = .tree
        case 3: kind = .blob
        case 4: kind = .tag
        case 6:
            guard cursor < bytes.count else { return nil }
            byte = bytes[cursor]
            var distance = UInt64(byte & 0x7f)
            while byte & 0x80 != 0 {
                cursor += 1
                guard cursor < bytes.count, distance < (1 << 50) else { return nil }
                byte = bytes[cursor]
                distance = ((distance + 1) << 7) | UInt64(byte & 0x7f)
            }
            cursor += 1
            guard distance > 0, distance <= offset else { return nil }
            kind = .offsetDelta(baseOffset: offset - distance)
        case 7:
            guard cursor + 20 <= bytes.count else { return nil }
            kind = .referenceDelta(base: Array(bytes[cursor..<(cursor + 20)]))
            cursor += 20
        default:
            return nil
        }
        return PackEntryHeader(kind: kind, size: Int(size), dataOffset: offset + UInt64(cursor))
    }

    /// Where the entry at `offset` ends (the next entry, or the pack's trailing checksum).
    func end(ofEntryAt offset: UInt64) -> UInt64? {
        var low = 0
        var high = offsets.count
        while low < high {
            let middle = (low + high) / 2
            if offsets[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, offsets[low - 1] == offset else { return nil }
        return low < offsets.count ? offsets[low] : fileSize - 20
    }

    /// The inflated data of the entry whose header is `header` (at `offset`): exactly `header.size`
    /// bytes, nil when the stream is damaged, longer or shorter.
    func inflate(_ header: PackEntryHeader, at offset: UInt64) -> [UInt8]? {
        guard let end = end(ofEntryAt: offset), end > header.dataOffset else { return nil }
        let length = end - header.dataOffset
        guard length <= UInt64(UInt32.max), let compressed = read(at: header.dataOffset, count: Int(length)) else { return nil }
        return inflater.inflate(compressed, size: header.size)
    }
}
