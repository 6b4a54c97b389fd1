import DDIKit
import Foundation

/// What each commit changed, kept in `.ddi/cache/` between runs.
///
/// A commit's entry changes are a function of the commit and its parents, which its id fixes, and of
/// where the inventory lives in the repository and how this version of ddi reads it, which the file
/// name and header fix. So a cached answer is the answer: the cache only saves work. A file that does
/// not decode completely, or whose checksum does not match, is ignored; deleting it changes nothing.
///
/// Loading only indexes the file (commit id to its bytes); a record is decoded when it is asked for,
/// in full or only the changes that may touch one number (each change starts with the number keys of
/// its two sides and its length, so the others are skipped unread). Saving writes the bytes of every
/// record it did not compute again, so a history query that decoded little still keeps everything.
struct ChangeLogCache {
    static let formatVersion: UInt32 = 2
    static let magic = Array("DDICHG\u{1}\n".utf8)

    let path: String
    let prefix: String
    private var bytes: [UInt8] = []
    /// Where each known commit's record lies in `bytes` (an empty range: no entry changed).
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
        guard let range = stored[oid] else { return nil }
        return decodeRecord(oid, range, touching: nil)
    }

    /// Like `lookup`, with only the changes whose entries may cover `number` (a superset of those that
    /// do: `EntryChange.touches` still decides).
    func lookup(_ oid: GitOID, touching number: PhoneNumber) -> CommitRecord?? {
        if let known = added[oid] { return known }
        guard let range = stored[oid] else { return nil }
        return decodeRecord(oid, range, touching: number.key)
    }

    mutating func store(_ oid: GitOID, _ record: CommitRecord?) {
        added[oid] = .some(record)
    }

    /// nil when the bytes do not decode (then the commit counts as unknown and is computed again).
    private func decodeRecord(_ oid: GitOID, _ range: Range<Int>, touching key: UInt64?) -> CommitRecord?? {
        if range.isEmpty { return .some(nil) }
        var reader = ByteReader(bytes: bytes, position: range.lowerBound)
        guard var record = try? reader.record(touching: key), reader.position == range.upperBound else { return nil }
        record.commit.oid = oid
        return .some(record)
    }

    mutating func load() {
        guard let loaded = Self.contents(of: path) else { return }
        guard let index = try? Self.index(loaded, prefix: prefix) else { return }
        bytes = loaded
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
            } else if let range = stored[oid] {
                writer.u32(UInt32(range.count))
                writer.data += bytes[range]
            }
        }
        writer.u64(ByteWriter.checksum(writer.data))
        added = [:]
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
            try Data(writer.data).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            // A cache that cannot be written only costs time next run.
        }
    }

    /// The file's bytes, read straight into one array: a cache of tens of megabytes is otherwise read
    /// into `Data` and copied, which was a fifth of a warm `ddi history` (profile in issue 15's note).
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < size {
                let count = read(descriptor, base + initialized, size - initialized)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                initialized += count
            }
            complete = initialized == size
        }
        return complete ? bytes : nil
    }

    /// Where each record lies, after checking the checksum, the header and that the records exactly
    /// fill the file.
    private static func index(_ bytes: [UInt8], prefix: String) throws -> [GitOID: Range<Int>] {
        guard bytes.count >= magic.count + 8 else { throw ByteReader.Problem.truncated }
        let body = bytes.count - 8
        var check = ByteReader(bytes: bytes, position: body)
        guard try check.u64() == ByteWriter.checksum(bytes[0..<body]) else { throw ByteReader.Problem.corrupt }
        var reader = ByteReader(bytes: bytes)
        guard try reader.take(magic.count) == magic, try reader.u32() == formatVersion, try reader.string() == prefix else {
            throw ByteReader.Problem.corrupt
        }
        var result: [GitOID: Range<Int>] = [:]
        let count = Int(try reader.u32())
        guard count <= bytes.count else { throw ByteReader.Problem.corrupt }
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

struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ bytes: [UInt8]) { data += bytes }
    mutating func u8(_ value: UInt8) { data.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data += $0 } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data += $0 } }
    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        data += value.utf8
    }
    mutating func optional(_ value: String?) {
        if let value { u8(1); string(value) } else { u8(0) }
    }
    mutating func day(_ value: Day?) { i64(value.map { Int64($0.daysSinceEpoch) } ?? Int64.min) }

    mutating func signature(_ value: GitSignature) {
        string(value.name)
        string(value.email)
        i64(value.time)
        i64(Int64(value.offsetMinutes))
    }

    mutating func entry(_ value: DeclaredEntry?) {
        guard let value else { return u8(0) }
        u8(1)
        string(value.path)
        string(value.text)
        u8(value.isBlock ? 1 : 0)
        for field in [value.status, value.kind, value.assignedTo, value.owner, value.department, value.routing,
                      value.category, value.locationID, value.license, value.reason, value.note] {
            optional(field)
        }
        u32(UInt32(value.tags.count))
        for tag in value.tags { string(tag) }
        day(value.reviewed)
        day(value.since)
        day(value.until)
        u8(value.handover ? 1 : 0)
        i64(Int64(value.line))
    }

    mutating func record(_ record: CommitRecord) {
        let commit = record.commit
        u32(UInt32(commit.parents.count))
        for parent in commit.parents { bytes(parent.rawBytes) }
        signature(commit.author)
        signature(commit.committer)
        string(commit.summary)
        u32(UInt32(record.changes.count))
        for list in record.changes {
            u32(UInt32(list.count))
            for change in list {
                for side in [change.before, change.after] {
                    u64(side?.span?.lowerKey ?? UInt64.max)
                    u64(side?.span?.upperKey ?? 0)
                }
                var body = ByteWriter()
                body.string(change.key)
                body.entry(change.before)
                body.entry(change.after)
                u32(UInt32(body.data.count))
                bytes(body.data)
            }
        }
    }

    /// FNV-1a over 64-bit words (then the last bytes one by one): enough to notice a damaged file,
    /// and eight times fewer steps than byte by byte on a cache of many megabytes.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x100_0000_01b3
            }
            for index in (words * 8)..<raw.count { hash = (hash ^ UInt64(raw[index])) &* 0x100_0000_01b3 }
        }
        return hash
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 { checksum(bytes[...]) }
}

struct ByteReader {
    enum Problem: Error { case truncated, corrupt }

    let bytes: [UInt8]
    var position = 0

    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, position + count <= bytes.count else { throw Problem.truncated }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func u8() throws -> UInt8 {
        guard position < bytes.count else { throw Problem.truncated }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Problem.truncated }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[position + index]) << (8 * index) }
        position += 4
        return value
    }

    mutating func u64() throws -> UInt64 {
        guard position + 8 <= bytes.count else { throw Problem.truncated }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << (8 * index) }
        position += 8
        return value
    }

    mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }

    mutating func string() throws -> String {
        let count = Int(try u32())
        guard position + count <= bytes.count else { throw Problem.truncated }
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    mutating func optional() throws -> String? { try u8() == 1 ? try string() : nil }

    mutating func day() throws -> Day? {
        let value = try i64()
        return value == Int64.min ? nil : Day(daysSinceEpoch: Int(value))
    }

    mutating func oid() throws -> GitOID {
        GitOID(rawBytes: try take(20))
    }

    mutating func signature() throws -> GitSignature {
        GitSignature(name: try string(), email: try string(), time: try i64(), offsetMinutes: Int(try i64()))
    }

    mutating func entry() throws -> DeclaredEntry? {
        guard try u8() == 1 else { return nil }
        let path = try string()
        let text = try string()
        let isBlock = try u8() == 1
        let span: NumberSpan? = isBlock
            ? (try? NumberSpan.parseBlock(Substring(text)).get())
            : (try? PhoneNumber.parse(Substring(text)).get()).map { NumberSpan(single: $0) }
        var entry = DeclaredEntry(path: path, text: text, span: span, isBlock: isBlock)
        entry.status = try optional()
        entry.kind = try optional()
        entry.assignedTo = try optional()
        entry.owner = try optional()
        entry.department = try optional()
        entry.routing = try optional()
        entry.category = try optional()
        entry.locationID = try optional()
        entry.license = try optional()
        entry.reason = try optional()
        entry.note = try optional()
        let tagCount = Int(try u32())
        guard tagCount <= bytes.count else { throw Problem.corrupt }
        entry.tags = try (0..<tagCount).map { _ in try string() }
        entry.reviewed = try day()
        entry.since = try day()
        entry.until = try day()
        entry.handover = try u8() == 1
        entry.line = Int(try i64())
        return entry
    }

    mutating func record() throws -> CommitRecord { try record(touching: nil) }

    /// A record; with `key`, only the changes whose sides' number keys may include it are decoded.
    mutating func record(touching key: UInt64?) throws -> CommitRecord {
        let parentCount = Int(try u32())
        guard parentCount <= bytes.count else { throw Problem.corrupt }
        let parents = try (0..<parentCount).map { _ in try oid() }
        let author = try signature()
        let committer = try signature()
        let summary = try string()
        let listCount = Int(try u32())
        guard listCount <= bytes.count else { throw Problem.corrupt }
        var lists: [[EntryChange]] = []
        for _ in 0..<listCount {
            let count = Int(try u32())
            guard count <= bytes.count else { throw Problem.corrupt }
            var list: [EntryChange] = []
            for _ in 0..<count {
                let beforeLower = try u64(), beforeUpper = try u64(), afterLower = try u64(), afterUpper = try u64()
                let length = Int(try u32())
                guard position + length <= bytes.count else { throw Problem.truncated }
                if let key, !(beforeLower <= key && key <= beforeUpper), !(afterLower <= key && key <= afterUpper) {
                    position += length
                    continue
                }
                let end = position + length
                list.append(EntryChange(key: try string(), before: try entry(), after: try entry()))
                guard position == end else { throw Problem.corrupt }
            }
            lists.append(list)
        }
        return CommitRecord(commit: CommitInfo(oid: GitOID(rawBytes: [UInt8](repeating: 0, count: 20)), parents: parents, author: author, committer: committer, summary: summary), changes: lists)
    }
}
