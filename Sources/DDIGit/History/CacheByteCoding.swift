import DDIKit

/// The bytes of `.ddi/cache/` files: little-endian integers, length-prefixed strings, and records.
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

    /// A commit's record. Each change starts with a header: the number keys of its two sides, its
    /// facts (`ChangeFact.Flags`) and the length of the rest, so that a reader skips what it does not need.
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
                u8(ChangeFact.Flags(ChangeFact(change)).rawValue)
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
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = bytes.count / 8
        for index in 0..<words {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x100_0000_01b3
        }
        for index in (words * 8)..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
        return hash
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.withUnsafeBytes { checksum($0) } }

    static func checksum(_ bytes: [UInt8]) -> UInt64 { checksum(bytes[...]) }
}

extension ChangeFact {
    /// The facts of a change as one byte of its header in the cache.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let moveOnly = Flags(rawValue: 1 << 0)
        static let beforeDeclared = Flags(rawValue: 1 << 1)
        static let beforeHasSpan = Flags(rawValue: 1 << 2)
        static let beforeAssigned = Flags(rawValue: 1 << 3)
        static let afterDeclared = Flags(rawValue: 1 << 4)
        static let afterHasSpan = Flags(rawValue: 1 << 5)
        static let afterAssigned = Flags(rawValue: 1 << 6)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ fact: ChangeFact) {
            var flags: Flags = fact.isMoveOnly ? .moveOnly : []
            if let before = fact.before {
                flags.insert(.beforeDeclared)
                if before.span != nil { flags.insert(.beforeHasSpan) }
                if before.countsAsAssigned { flags.insert(.beforeAssigned) }
            }
            if let after = fact.after {
                flags.insert(.afterDeclared)
                if after.span != nil { flags.insert(.afterHasSpan) }
                if after.countsAsAssigned { flags.insert(.afterAssigned) }
            }
            self = flags
        }
    }

    /// The fact a header describes (`lower`/`upper`: the number keys of each side, as written).
    init(key: String, flags: Flags, before: KeySpan, after: KeySpan) {
        self.init(
            key: key, isMoveOnly: flags.contains(.moveOnly),
            before: flags.contains(.beforeDeclared)
                ? Side(span: flags.contains(.beforeHasSpan) ? before : nil, countsAsAssigned: flags.contains(.beforeAssigned)) : nil,
            after: flags.contains(.afterDeclared)
                ? Side(span: flags.contains(.afterHasSpan) ? after : nil, countsAsAssigned: flags.contains(.afterAssigned)) : nil
        )
    }
}

/// Reads what `ByteWriter` wrote from a cache file's bytes; every length and count is checked against
/// the bytes, so a damaged file throws instead of trapping.
struct ByteReader {
    enum Problem: Error { case truncated, corrupt }

    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, position + count <= bytes.count else { throw Problem.truncated }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func skip(_ count: Int) throws {
        guard count >= 0, position + count <= bytes.count else { throw Problem.truncated }
        position += count
    }

    mutating func u8() throws -> UInt8 {
        guard position < bytes.count else { throw Problem.truncated }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Problem.truncated }
        defer { position += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func u64() throws -> UInt64 {
        guard position + 8 <= bytes.count else { throw Problem.truncated }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }

    /// A count of things each at least one byte long: more than the bytes left is a damaged file.
    mutating func count() throws -> Int {
        let value = Int(try u32())
        guard value <= bytes.count - position else { throw Problem.corrupt }
        return value
    }

    mutating func string() throws -> String {
        let count = Int(try u32())
        guard position + count <= bytes.count else { throw Problem.truncated }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
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
        let tagCount = try count()
        entry.tags = try (0..<tagCount).map { _ in try string() }
        entry.reviewed = try day()
        entry.since = try day()
        entry.until = try day()
        entry.handover = try u8() == 1
        entry.line = Int(try i64())
        return entry
    }

    /// The commit of a record (its id is not stored: the index holds it).
    mutating func commit() throws -> CommitInfo {
        let parentCount = try count()
        let parents = try (0..<parentCount).map { _ in try oid() }
        let author = try signature()
        let committer = try signature()
        let summary = try string()
        return CommitInfo(oid: GitOID(rawBytes: [UInt8](repeating: 0, count: 20)), parents: parents, author: author, committer: committer, summary: summary)
    }

    mutating func record() throws -> CommitRecord { try record(touching: nil) }

    /// A record; with `key`, only the changes whose sides' number keys may include it are decoded.
    mutating func record(touching key: UInt64?) throws -> CommitRecord {
        let commit = try commit()
        let listCount = try count()
        var lists: [[EntryChange]] = []
        for _ in 0..<listCount {
            let count = try count()
            var list: [EntryChange] = []
            for _ in 0..<count {
                let beforeLower = try u64(), beforeUpper = try u64(), afterLower = try u64(), afterUpper = try u64()
                _ = try u8()
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
        return CommitRecord(commit: commit, changes: lists)
    }

    /// The number spans of every change side of a record that has one, from the change headers alone
    /// (what the key index of the cache is built from).
    mutating func changeSpans() throws -> [KeySpan] {
        _ = try commit()
        var spans: [KeySpan] = []
        for _ in 0..<(try count()) {
            for _ in 0..<(try count()) {
                for _ in 0..<2 {
                    let span = KeySpan(lower: try u64(), upper: try u64())
                    if span.lower <= span.upper { spans.append(span) }
                }
                _ = try u8()
                try skip(Int(try u32()))
            }
        }
        return spans
    }

    /// A record's commit and the facts of its changes, read from the change headers and keys alone.
    mutating func facts() throws -> CommitFacts {
        let commit = try commit()
        let listCount = try count()
        var lists: [[ChangeFact]] = []
        lists.reserveCapacity(listCount)
        for _ in 0..<listCount {
            let count = try count()
            var list: [ChangeFact] = []
            list.reserveCapacity(count)
            for _ in 0..<count {
                let before = KeySpan(lower: try u64(), upper: try u64())
                let after = KeySpan(lower: try u64(), upper: try u64())
                let flags = ChangeFact.Flags(rawValue: try u8())
                let length = Int(try u32())
                guard position + length <= bytes.count else { throw Problem.truncated }
                let end = position + length
                let key = try string()
                guard position <= end else { throw Problem.corrupt }
                position = end
                list.append(ChangeFact(key: key, flags: flags, before: before, after: after))
            }
            lists.append(list)
        }
        return CommitFacts(commit: commit, changes: lists)
    }
}
