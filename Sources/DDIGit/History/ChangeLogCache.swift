import DDIKit
import Foundation

/// What each commit changed, kept in `.ddi/cache/` between runs.
///
/// A commit's entry changes are a function of the commit and its parents, which its id fixes, and of
/// where the inventory lives in the repository and how this version of ddi reads it, which the file
/// name and header fix. So a cached answer is the answer: the cache only saves work. A part of the
/// file that does not decode completely, or whose checksum does not match, is not believed: a
/// damaged record counts as unknown (computed again), a damaged header or table as no cache.
///
/// The file (`ChangeLogLayout`) holds each record with its own checksum, a table of records by
/// commit id, an index from number keys to the records whose changes may cover them, and each
/// record's place in the commit order of the last tip written. So a number's history from that tip
/// (`numberRecords`) reads the header, a few index chunks and its own records, and walks no commit;
/// audit and report (`lookupFacts`) read every record's change headers, no entry. A record is decoded
/// in full, for one number (changes whose sides' number keys cannot cover it are skipped unread), or
/// as facts (`ChangeFact`). Saving writes again every record it did not compute, so a history query
/// that decoded little still keeps everything.
struct ChangeLogCache {
    /// 4: checksums per record and per part, the number-key index and the tip's commit order
    /// (3: one checksum over the whole file). A file of another format is ignored and replaced by
    /// the next save.
    static let formatVersion: UInt32 = 4
    static let magic = Array("DDICHG\u{1}\n".utf8)

    let path: String
    let prefix: String
    private var file: CacheFileBytes?
    private var layout: ChangeLogLayout?
    /// Where each known commit's record lies in `file` (an empty range: no entry changed).
    private var stored: [GitOID: StoredRecord] = [:]
    /// The commit table in its order, for the tip's commit order.
    private var table: [(oid: GitOID, record: StoredRecord)] = []
    /// Records computed this run, not yet saved.
    private var added: [GitOID: CommitRecord?] = [:]

    init(directory: String, prefix: String) {
        self.prefix = prefix
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in prefix.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        path = directory + "/changes-" + String(hash, radix: 16) + ".bin"
    }

    func contains(_ oid: GitOID) -> Bool { added[oid] != nil || stored[oid] != nil }

    /// The record of `oid`: nil when not known; .some(nil) when the commit changed no entry.
    func lookup(_ oid: GitOID) -> CommitRecord?? {
        if let known = added[oid] { return known }
        return decode(oid) { reader in try reader.record(touching: nil) }
    }

    /// Like `lookup`, with only the changes whose entries may cover `number` (a superset of those that
    /// do: `EntryChange.touches` still decides).
    func lookup(_ oid: GitOID, touching number: PhoneNumber) -> CommitRecord?? {
        if let known = added[oid] { return known }
        return decode(oid) { reader in try reader.record(touching: number.key) }
    }

    /// The facts of the record of `oid` (`CommitFacts`), decoded from the change headers only.
    func lookupFacts(_ oid: GitOID) -> CommitFacts?? {
        if let known = added[oid] { return .some(known.map(CommitFacts.init)) }
        return decode(oid) { reader in try reader.facts() }
    }

    mutating func store(_ oid: GitOID, _ record: CommitRecord?) {
        added[oid] = .some(record)
    }

    /// nil when the bytes do not decode or their checksum does not match (then the commit counts as
    /// unknown and is computed again).
    private func decode<Decoded: CommitDecoded>(_ oid: GitOID, _ read: (inout ByteReader) throws -> Decoded) -> Decoded?? {
        guard let record = stored[oid], let file else { return nil }
        if record.range.isEmpty { return .some(nil) }
        return Self.decode(file.buffer, record, oid: oid, read).map { .some($0) }
    }

    private static func decode<Decoded: CommitDecoded>(_ bytes: UnsafeRawBufferPointer, _ record: StoredRecord, oid: GitOID,
                                                       _ read: (inout ByteReader) throws -> Decoded) -> Decoded? {
        guard ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[record.range])) == record.checksum else { return nil }
        var reader = ByteReader(bytes: bytes, position: record.range.lowerBound)
        guard var decoded = try? read(&reader), reader.position == record.range.upperBound else { return nil }
        decoded.commit.oid = oid
        return decoded
    }

    /// Indexes every record (for walks that read many): the header and the commit table checked.
    mutating func load() {
        guard let loaded = CacheFileBytes.read(path, populate: true),
              let layout = try? ChangeLogLayout.read(loaded.buffer, magic: Self.magic, version: Self.formatVersion, prefix: prefix),
              let table = try? Self.commitTable(loaded.buffer, layout) else { return }
        file = loaded
        self.layout = layout
        self.table = table
        stored = Dictionary(table.map { ($0.oid, $0.record) }, uniquingKeysWith: { first, _ in first })
    }

    /// The commits reachable from `tip`, oldest first, as the file keeps them for the tip it was
    /// written for (`ChangeWalker.commitsOldestFirst`'s order); nil for another tip, or when the
    /// positions are damaged or are not one place per commit.
    func commitsOldestFirst(from tip: GitOID) -> [GitOID]? {
        guard let layout, let file, layout.tip == tip,
              ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: file.buffer[layout.positionsRange])) == layout.positionsChecksum
        else { return nil }
        var order = [GitOID?](repeating: nil, count: table.count)
        var placed = 0
        for (ordinal, entry) in table.enumerated() {
            let position = Int(file.buffer.loadUnaligned(fromByteOffset: layout.positionsRange.lowerBound + ordinal * 4, as: UInt32.self).littleEndian)
            guard position != Int(ChangeLogLayout.unreachable) else { continue }
            guard position < order.count, order[position] == nil else { return nil }
            order[position] = entry.oid
            placed += 1
        }
        let commits = order.prefix(placed).compactMap { $0 }
        return commits.count == placed ? commits : nil
    }

    /// Every record of the commit table, in table order; throws when the table's checksum does not
    /// match or a record lies outside the records.
    static func commitTable(_ bytes: UnsafeRawBufferPointer, _ layout: ChangeLogLayout) throws -> [(oid: GitOID, record: StoredRecord)] {
        let range = layout.commitsRange
        guard ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[range])) == layout.commitsChecksum else { throw ByteReader.Problem.corrupt }
        var reader = ByteReader(bytes: bytes, position: range.lowerBound)
        var table: [(oid: GitOID, record: StoredRecord)] = []
        table.reserveCapacity(Int(layout.recordCount))
        for _ in 0..<layout.recordCount {
            let oid = try reader.oid()
            table.append((oid, try storedRecord(&reader, layout)))
        }
        return table
    }

    private static func storedRecord(_ reader: inout ByteReader, _ layout: ChangeLogLayout) throws -> StoredRecord {
        let offset = try reader.u64()
        let length = UInt64(try reader.u32())
        let checksum = try reader.u64()
        guard offset <= layout.recordsLength, length <= layout.recordsLength - offset else { throw ByteReader.Problem.corrupt }
        let start = Int(layout.recordsOffset + offset)
        return StoredRecord(range: start..<start + Int(length), checksum: checksum)
    }

    /// The records that may change `number`'s declaration among the commits reachable from `tip`, each
    /// with its place in their order (oldest first), read through the key index without walking a
    /// commit; nil when the file does not know `tip`'s commits or a part it needs is damaged (then the
    /// caller walks the history, which also mends the file).
    func numberRecords(touching number: PhoneNumber, tip: GitOID) -> [(position: UInt32, record: CommitRecord)]? {
        guard case .found(let records) = numberLookup(touching: number, tip: tip) else { return nil }
        return records
    }

    enum NumberLookup {
        case found([(position: UInt32, record: CommitRecord)])
        /// No file, or one written for another tip: the history must be walked.
        case unknownTip
        /// A part the lookup needs is damaged: walk, and write the file again.
        case damaged
    }

    func numberLookup(touching number: PhoneNumber, tip: GitOID) -> NumberLookup {
        guard let loaded = CacheFileBytes.read(path, populate: false) else { return .unknownTip }
        let bytes = loaded.buffer
        guard let layout = try? ChangeLogLayout.read(bytes, magic: Self.magic, version: Self.formatVersion, prefix: prefix) else { return .damaged }
        guard layout.tip == tip else { return .unknownTip }
        guard ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[layout.commitsRange])) == layout.commitsChecksum,
              ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[layout.positionsRange])) == layout.positionsChecksum,
              let ordinals = try? ChangeKeyIndex.ordinals(touching: number.key, in: bytes, layout)
        else { return .damaged }
        var found: [(position: UInt32, record: CommitRecord)] = []
        for ordinal in ordinals {
            let position = bytes.loadUnaligned(fromByteOffset: layout.positionsRange.lowerBound + ordinal * 4, as: UInt32.self).littleEndian
            guard position != ChangeLogLayout.unreachable else { continue }
            var reader = ByteReader(bytes: bytes, position: layout.commitsRange.lowerBound + ordinal * ChangeLogLayout.commitEntrySize)
            guard let oid = try? reader.oid(), let stored = try? Self.storedRecord(&reader, layout) else { return .damaged }
            if stored.range.isEmpty { continue }
            guard let record = Self.decode(bytes, stored, oid: oid, { reader in try reader.record(touching: number.key) }) else { return .damaged }
            found.append((position, record))
        }
        return .found(found)
    }

    /// Writes every record known (those of the file whose checksum still matches, and those computed),
    /// the key index, and each record's place in `order`, the commits reachable from `tip` oldest first;
    /// only when something was computed, unless `mending` a file with a damaged part.
    mutating func save(tip: GitOID, order: [GitOID], mending: Bool = false) {
        guard !added.isEmpty || mending else { return }
        var kept: [(oid: GitOID, bytes: UnsafeRawBufferPointer?, record: CommitRecord?, spans: [KeySpan])] = []
        for oid in Set(stored.keys).union(added.keys).sorted() {
            if let record = added[oid] {
                kept.append((oid, nil, record, record.map(Self.spans) ?? []))
            } else if let entry = stored[oid], let file,
                      ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: file.buffer[entry.range])) == entry.checksum {
                let bytes = UnsafeRawBufferPointer(rebasing: file.buffer[entry.range])
                if bytes.isEmpty {
                    kept.append((oid, bytes, nil, []))
                } else {
                    var reader = ByteReader(bytes: bytes)
                    guard let spans = try? reader.changeSpans(), reader.position == bytes.count else { continue }
                    kept.append((oid, bytes, nil, spans))
                }
            }
        }
        var places: [GitOID: UInt32] = [:]
        places.reserveCapacity(order.count)
        for (position, oid) in order.enumerated() { places[oid] = UInt32(position) }

        var records = ByteWriter()
        var table = ByteWriter()
        var keys: [ChangeKeyIndex.Entry] = []
        var positions = ByteWriter()
        for (ordinal, item) in kept.enumerated() {
            let start = records.data.count
            if let bytes = item.bytes {
                records.data.append(contentsOf: bytes)
            } else if let record = item.record {
                records.record(record)
            }
            table.bytes(item.oid.rawBytes)
            table.u64(UInt64(start))
            table.u32(UInt32(records.data.count - start))
            table.u64(ByteWriter.checksum(records.data[start...]))
            for span in item.spans { keys.append(ChangeKeyIndex.Entry(lower: span.lower, upper: span.upper, ordinal: UInt32(ordinal))) }
            positions.u32(places[item.oid] ?? ChangeLogLayout.unreachable)
        }
        added = [:]

        var header = ByteWriter()
        header.bytes(Self.magic)
        header.u32(Self.formatVersion)
        header.string(prefix)
        var layout = ChangeLogLayout()
        layout.tip = tip
        var sizing = header
        layout.writeHeader(&sizing)
        layout.recordCount = UInt32(kept.count)
        layout.recordsOffset = UInt64(sizing.data.count)
        layout.recordsLength = UInt64(records.data.count)
        layout.commitsOffset = layout.recordsOffset + layout.recordsLength
        layout.commitsChecksum = ByteWriter.checksum(table.data)
        layout.chunksOffset = layout.commitsOffset + UInt64(table.data.count)
        let index = ChangeKeyIndex.write(keys, startingAt: Int(layout.chunksOffset))
        layout.chunkCount = index.chunkCount
        layout.chunksChecksum = ByteWriter.checksum(index.chunks)
        layout.positionsOffset = layout.chunksOffset + UInt64(index.chunks.count + index.keys.count)
        layout.positionsChecksum = ByteWriter.checksum(positions.data)
        layout.fileLength = layout.positionsOffset + UInt64(positions.data.count)
        // The header's fields have a fixed size, so the offsets taken from `sizing` hold.
        layout.writeHeader(&header)
        CacheFileBytes.write([header.data, records.data, table.data, index.chunks, index.keys, positions.data], to: path)
    }

    /// The number keys of every side of a record's changes that has a number span.
    private static func spans(_ record: CommitRecord) -> [KeySpan] {
        record.changes.joined().flatMap { change in
            [change.before, change.after].compactMap { side in side?.span.map { KeySpan(lower: $0.lowerKey, upper: $0.upperKey) } }
        }
    }
}

/// What a record decodes to: a whole record or its facts, either with the commit the index names.
protocol CommitDecoded {
    var commit: CommitInfo { get set }
}

extension CommitRecord: CommitDecoded {}
extension CommitFacts: CommitDecoded {}
