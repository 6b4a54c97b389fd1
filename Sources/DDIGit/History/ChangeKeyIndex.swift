/// The change cache's index from number keys to records (`ChangeLogLayout`): every change side with a
/// number span, as (lower, upper, record ordinal), sorted by lower key and cut into chunks, each with
/// its smallest lower key, largest upper key and checksum in a small table. A key is looked up in the
/// chunks whose bounds hold it (a block's wide span widens only its own chunk's bounds), and only
/// those chunks are read and checked.
enum ChangeKeyIndex {
    struct Entry: Comparable {
        var lower: UInt64
        var upper: UInt64
        var ordinal: UInt32

        static func < (a: Entry, b: Entry) -> Bool { (a.lower, a.upper, a.ordinal) < (b.lower, b.upper, b.ordinal) }
    }

    /// The chunk table and the entries, the entries placed at `start` + the table's length.
    static func write(_ entries: [Entry], startingAt start: Int) -> (chunks: [UInt8], keys: [UInt8], chunkCount: UInt32) {
        var sorted = entries.sorted()
        sorted = sorted.enumerated().filter { $0.offset == 0 || sorted[$0.offset - 1] != $0.element }.map(\.element)
        let chunkCount = (sorted.count + ChangeLogLayout.chunkSize - 1) / ChangeLogLayout.chunkSize
        let keysStart = start + chunkCount * ChangeLogLayout.chunkEntrySize
        var chunks = ByteWriter()
        var keys = ByteWriter()
        for chunkStart in stride(from: 0, to: sorted.count, by: ChangeLogLayout.chunkSize) {
            let chunk = sorted[chunkStart..<min(sorted.count, chunkStart + ChangeLogLayout.chunkSize)]
            let offset = keys.data.count
            for entry in chunk {
                keys.u64(entry.lower)
                keys.u64(entry.upper)
                keys.u32(entry.ordinal)
            }
            chunks.u64(chunk.first?.lower ?? 0)
            chunks.u64(chunk.map(\.upper).max() ?? 0)
            chunks.u64(UInt64(keysStart + offset))
            chunks.u32(UInt32(chunk.count))
            chunks.u64(ByteWriter.checksum(keys.data[offset...]))
        }
        return (chunks.data, keys.data, UInt32(chunkCount))
    }

    /// The ordinals of the records with a change side whose span holds `key`, ascending; throws when
    /// the chunk table or a chunk it reads is damaged.
    static func ordinals(touching key: UInt64, in bytes: UnsafeRawBufferPointer, _ layout: ChangeLogLayout) throws -> [Int] {
        let table = layout.chunksRange
        guard ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[table])) == layout.chunksChecksum else { throw ByteReader.Problem.corrupt }
        var reader = ByteReader(bytes: bytes, position: table.lowerBound)
        var found = Set<Int>()
        for _ in 0..<layout.chunkCount {
            let smallestLower = try reader.u64(), largestUpper = try reader.u64()
            let offset = try reader.u64()
            let count = UInt64(try reader.u32())
            let checksum = try reader.u64()
            guard smallestLower <= key, key <= largestUpper else { continue }
            let keys = layout.keysRange
            guard offset >= UInt64(keys.lowerBound), offset <= UInt64(keys.upperBound),
                  count <= (UInt64(keys.upperBound) - offset) / UInt64(ChangeLogLayout.keyEntrySize) else { throw ByteReader.Problem.corrupt }
            let start = Int(offset)
            let end = start + Int(count) * ChangeLogLayout.keyEntrySize
            guard ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) == checksum else { throw ByteReader.Problem.corrupt }
            var entries = ByteReader(bytes: bytes, position: start)
            for _ in 0..<count {
                let lower = try entries.u64(), upper = try entries.u64()
                let ordinal = Int(try entries.u32())
                guard lower <= key, key <= upper else { continue }
                guard ordinal < Int(layout.recordCount) else { throw ByteReader.Problem.corrupt }
                found.insert(ordinal)
            }
        }
        return found.sorted()
    }
}
