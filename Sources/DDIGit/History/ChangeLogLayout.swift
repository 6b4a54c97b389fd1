/// Where the parts of a change cache file (format 4) lie, each with its own checksum, so that a
/// query reads and checks only the parts it needs: a number's history touches the header, the
/// index chunks that may hold its key and its own few records, not the whole file.
///
///     header    magic, version, prefix, the fields below, the header's checksum
///     records   each commit's record (`ByteWriter.record`), one after the other
///     commits   per record, by commit id: id, offset and length in `records`, the record's checksum
///     chunks    the key index's chunk table: per chunk its smallest lower key, largest upper key,
///               offset, entry count and checksum
///     keys      the key index: (lower, upper, record ordinal) of every change side with a number
///               span, sorted by lower key, in chunks of `chunkSize`
///     positions per record, its place in the commit order of `tip` (`unreachable` if none)
///
/// Every offset and count is checked against the file's length before anything is read.
struct ChangeLogLayout: Equatable {
    static let commitEntrySize = 20 + 8 + 4 + 8
    static let chunkEntrySize = 8 + 8 + 8 + 4 + 8
    static let keyEntrySize = 8 + 8 + 4
    static let chunkSize = 256
    static let unreachable = UInt32.max

    var fileLength: UInt64 = 0
    var recordCount: UInt32 = 0
    var recordsOffset: UInt64 = 0
    var recordsLength: UInt64 = 0
    var commitsOffset: UInt64 = 0
    var commitsChecksum: UInt64 = 0
    var chunksOffset: UInt64 = 0
    var chunkCount: UInt32 = 0
    var chunksChecksum: UInt64 = 0
    var tip: GitOID?
    var positionsOffset: UInt64 = 0
    var positionsChecksum: UInt64 = 0

    /// Bytes of the header: everything before the records.
    var headerLength: Int { Int(recordsOffset) }

    /// The header fields after magic, version and prefix, then the header's checksum.
    func writeHeader(_ writer: inout ByteWriter) {
        writer.u64(fileLength)
        writer.u32(recordCount)
        writer.u64(recordsOffset)
        writer.u64(recordsLength)
        writer.u64(commitsOffset)
        writer.u64(commitsChecksum)
        writer.u64(chunksOffset)
        writer.u32(chunkCount)
        writer.u64(chunksChecksum)
        writer.u8(tip == nil ? 0 : 1)
        writer.bytes(tip?.rawBytes ?? [UInt8](repeating: 0, count: 20))
        writer.u64(positionsOffset)
        writer.u64(positionsChecksum)
        writer.u64(ByteWriter.checksum(writer.data))
    }

    /// The layout of `bytes`, its header checked (magic, version, prefix, checksum, length) and every
    /// part within the file in order; `verifying` false skips the header's checksum (for tests that
    /// rewrite checksums). The parts' own checksums are checked by whoever reads them.
    static func read(_ bytes: UnsafeRawBufferPointer, magic: [UInt8], version: UInt32, prefix: String, verifying: Bool = true) throws -> ChangeLogLayout {
        var reader = ByteReader(bytes: bytes)
        guard try reader.take(magic.count) == magic, try reader.u32() == version, try reader.string() == prefix else {
            throw ByteReader.Problem.corrupt
        }
        var layout = ChangeLogLayout()
        layout.fileLength = try reader.u64()
        layout.recordCount = try reader.u32()
        layout.recordsOffset = try reader.u64()
        layout.recordsLength = try reader.u64()
        layout.commitsOffset = try reader.u64()
        layout.commitsChecksum = try reader.u64()
        layout.chunksOffset = try reader.u64()
        layout.chunkCount = try reader.u32()
        layout.chunksChecksum = try reader.u64()
        let hasTip = try reader.u8()
        let tip = GitOID(rawBytes: try reader.take(20))
        layout.tip = hasTip == 1 ? tip : nil
        layout.positionsOffset = try reader.u64()
        layout.positionsChecksum = try reader.u64()
        let headerEnd = reader.position
        let checksum = try reader.u64()
        if verifying {
            guard checksum == ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<headerEnd])) else { throw ByteReader.Problem.corrupt }
        }
        guard layout.fileLength == UInt64(bytes.count), layout.recordsOffset == UInt64(reader.position),
              layout.isInOrder else { throw ByteReader.Problem.corrupt }
        return layout
    }

    /// Records, commits, chunks, keys and positions follow one another and end with the file.
    private var isInOrder: Bool {
        let records = UInt64(recordCount)
        guard records <= fileLength, UInt64(chunkCount) <= fileLength,
              let recordsEnd = Self.add(recordsOffset, recordsLength), recordsEnd == commitsOffset,
              let commitsEnd = Self.add(commitsOffset, records * UInt64(Self.commitEntrySize)), commitsEnd == chunksOffset,
              let chunksEnd = Self.add(chunksOffset, UInt64(chunkCount) * UInt64(Self.chunkEntrySize)),
              chunksEnd <= positionsOffset,
              let positionsEnd = Self.add(positionsOffset, tip == nil ? 0 : records * 4), positionsEnd == fileLength
        else { return false }
        return true
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// Where the keys lie: after the chunk table, up to the positions.
    var keysRange: Range<Int> { Int(chunksOffset) + Int(chunkCount) * Self.chunkEntrySize..<Int(positionsOffset) }
    var commitsRange: Range<Int> { Int(commitsOffset)..<Int(commitsOffset) + Int(recordCount) * Self.commitEntrySize }
    var chunksRange: Range<Int> { Int(chunksOffset)..<keysRange.lowerBound }
    var positionsRange: Range<Int> { Int(positionsOffset)..<Int(fileLength) }
}

/// One record's place in the file, read from the commit table.
struct StoredRecord {
    var range: Range<Int>
    var checksum: UInt64
}

/// One chunk of the key index, read from the chunk table.
struct KeyChunk {
    var smallestLower: UInt64
    var largestUpper: UInt64
    var range: Range<Int>
    var checksum: UInt64
}
