import DDIKit
import Foundation

/// What each commit changed, kept in `.ddi/cache/` between runs.
///
/// A commit's entry changes are a function of the commit and its parents, which its id fixes, and of
/// where the inventory lives in the repository and how this version of ddi reads it, which the file
/// name and header fix. So a cached answer is the answer: the cache only saves work. A file that does
/// not decode completely, or whose checksum does not match, is ignored; deleting it changes nothing.
///
/// Loading only indexes the file (commit id to its bytes); a record is decoded when it is asked for:
/// in full, only the changes that may touch one number (each change starts with the number keys of
/// its two sides and its length, so the others are skipped unread), or only its facts (`ChangeFact`,
/// for audit and report: kept in each change's header, so no entry is decoded). Saving writes the
/// bytes of every record it did not compute again, so a history query that decoded little still keeps
/// everything.
struct ChangeLogCache {
    /// 3: each change's header holds its facts (`ChangeFact.Flags`). A file of another format is ignored
    /// and replaced by the next save.
    static let formatVersion: UInt32 = 3
    static let magic = Array("DDICHG\u{1}\n".utf8)

    let path: String
    let prefix: String
    private var file: CacheFileBytes?
    /// Where each known commit's record lies in `file` (an empty range: no entry changed).
    private var stored: [GitOID: Range<Int>] = [:]
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

    /// nil when the bytes do not decode (then the commit counts as unknown and is computed again).
    private func decode<Decoded: CommitDecoded>(_ oid: GitOID, _ read: (inout ByteReader) throws -> Decoded) -> Decoded?? {
        guard let range = stored[oid], let file else { return nil }
        if range.isEmpty { return .some(nil) }
        var reader = ByteReader(bytes: file.buffer, position: range.lowerBound)
        guard var decoded = try? read(&reader), reader.position == range.upperBound else { return nil }
        decoded.commit.oid = oid
        return .some(decoded)
    }

    mutating func load() {
        guard let loaded = CacheFileBytes.read(path) else { return }
        guard let index = try? Self.index(loaded.buffer, prefix: prefix) else { return }
        file = loaded
        stored = index
    }

    mutating func save() {
        guard !added.isEmpty else { return }
        var writer = ByteWriter()
        writer.bytes(Self.magic)
        writer.u32(Self.formatVersion)
        writer.string(prefix)
        let oids = Set(stored.keys).union(added.keys).sorted()
        writer.u32(UInt32(oids.count))
        for oid in oids {
            writer.bytes(oid.rawBytes)
            if let record = added[oid] {
                var body = ByteWriter()
                if let record { body.record(record) }
                writer.u32(UInt32(body.data.count))
                writer.bytes(body.data)
            } else if let range = stored[oid], let file {
                writer.u32(UInt32(range.count))
                writer.data.append(contentsOf: UnsafeRawBufferPointer(rebasing: file.buffer[range]))
            }
        }
        writer.u64(ByteWriter.checksum(writer.data))
        added = [:]
        CacheFileBytes.write(writer.data, to: path)
    }

    /// Where each record lies, after checking the checksum, the header and that the records exactly
    /// fill the file.
    private static func index(_ bytes: UnsafeRawBufferPointer, prefix: String) throws -> [GitOID: Range<Int>] {
        guard bytes.count >= magic.count + 8 else { throw ByteReader.Problem.truncated }
        let body = bytes.count - 8
        var check = ByteReader(bytes: bytes, position: body)
        guard try check.u64() == ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<body])) else { throw ByteReader.Problem.corrupt }
        var reader = ByteReader(bytes: bytes)
        guard try reader.take(magic.count) == magic, try reader.u32() == formatVersion, try reader.string() == prefix else {
            throw ByteReader.Problem.corrupt
        }
        var result: [GitOID: Range<Int>] = [:]
        let count = try reader.count()
        result.reserveCapacity(count)
        for _ in 0..<count {
            let oid = try reader.oid()
            let length = Int(try reader.u32())
            guard reader.position + length <= body else { throw ByteReader.Problem.truncated }
            result[oid] = reader.position..<reader.position + length
            reader.position += length
        }
        guard reader.position == body else { throw ByteReader.Problem.corrupt }
        return result
    }
}

/// What a record decodes to: a whole record or its facts, either with the commit the index names.
protocol CommitDecoded {
    var commit: CommitInfo { get set }
}

extension CommitRecord: CommitDecoded {}
extension CommitFacts: CommitDecoded {}
