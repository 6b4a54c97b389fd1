/// What a JSON export holds: its records, and the Graph paging keys when it is a page.
struct JSONExport: Sendable {
    var records: [SnapshotRecord]
    /// True for `{"value": [...], ...}`: a Graph page (or PowerShell's wrapper of an array).
    var isWrapper: Bool
    /// True when the wrapper has `@odata.*` keys: it came from Microsoft Graph.
    var isGraphPage: Bool
    var nextLink: String?
}

struct JSONSyntaxError: Error {
    var line: Int
    var message: String
}

/// A JSON reader for exports: arrays of flat objects. It decodes only the fields ddi reads and skips
/// the rest without building values, because `JSONSerialization` took 4.8 s on a 100,000-record
/// `Get-CsPhoneNumberAssignment` export (95 MB) and the plan budget is 2 s in all (README "Performance").
/// It checks the whole text is valid JSON, limits nesting, and never traps on hostile input.
struct JSONRecordReader {
    static let maximumDepth = 200

    /// Reads `bytes` (UTF-8 without BOM). Errors carry the line they were found on.
    static func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONExport {
        guard !bytes.isEmpty else { throw JSONSyntaxError(line: 1, message: "the file is empty") }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONExport in
            var reader = JSONRecordReader(window: buffer, stream: nil)
            return try reader.readDocument()
        }
    }

    /// Reads the text of `stream` as `read` reads bytes (the loader streams arrays record by record
    /// with `nextRecord` instead; this reads a whole document, for the differential tests).
    static func read(_ stream: JSONByteStream) throws(JSONSyntaxError) -> JSONExport {
        var reader = JSONRecordReader(stream: stream)
        return try reader.readDocument()
    }

    /// The bytes at hand: text offsets `base..<limit` (all of it for `read`, a window of a file
    /// for a stream). Offsets are of the whole text, so that a refill never moves a position.
    var window: UnsafeBufferPointer<UInt8>
    var base = 0
    var limit: Int
    /// Where more text comes from; nil when the window is the whole text.
    let stream: JSONByteStream?
    /// The start of the record being read: a refill keeps the text from here on.
    var mark = 0
    var position = 0
    var line = 1
    /// Streaming: records read so far, and whether the closing `]` was read.
    private var recordCount = 0
    private var arrayClosed = false
    /// True when the next record's `,` has been read (or none is due): at a part's start.
    private var atRecordStart = false
    /// Text offsets where the parts of a split read start, ascending (`nextStep`).
    var partStarts: [Int] = []
    private var nextPart = 0

    private init(window: UnsafeBufferPointer<UInt8>, stream: JSONByteStream?) {
        self.window = window
        self.stream = stream
        base = stream?.base ?? 0
        limit = base + window.count
    }

    /// A reader of the text `stream` reads; the stream must outlive it.
    init(stream: JSONByteStream) {
        self.init(window: stream.window, stream: stream)
    }

    private mutating func readDocument() throws(JSONSyntaxError) -> JSONExport {
        skipWhitespace()
        guard has(position) else { throw fail("the file is empty") }
        var export: JSONExport
        switch byte(position) {
        case UInt8(ascii: "["):
            export = JSONExport(records: try readRecordArray(), isWrapper: false, isGraphPage: false)
        case UInt8(ascii: "{"):
            export = try readTopObject()
        default:
            throw fail("expected a JSON array or object of records")
        }
        try finishDocument()
        return export
    }

    /// After the top-level value: only whitespace may follow.
    mutating func finishDocument() throws(JSONSyntaxError) {
        skipWhitespace()
        guard !has(position) else { throw fail("unexpected text after the end of the JSON value") }
    }

    /// `{"value": [...], "@odata.nextLink": ...}` is a page; any other object is a single record
    /// (`ConvertTo-Json` writes one object, not an array, when the cmdlet returned one item).
    private mutating func readTopObject() throws(JSONSyntaxError) -> JSONExport {
        var record = SnapshotRecord(index: 1, line: line)
        var pageRecords: [SnapshotRecord]?
        var sawOData = false
        var nextLink: String?
        position += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
        } else {
            while true {
                skipWhitespace()
                let key = try readKey()
                if key.isOData { sawOData = true }
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                if key.field == .value, peek(UInt8(ascii: "[")) {
                    pageRecords = try readRecordArray()
                } else if key.field == .nextLink {
                    let value = try readValue(depth: 1)
                    nextLink = value.scalarText
                } else if let field = key.field {
                    record[field] = try readValue(depth: 1)
                } else {
                    try skipValue(depth: 1)
                }
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { position += 1; continue }
                try expect(UInt8(ascii: "}"))
                break
            }
        }
        if let pageRecords {
            return JSONExport(records: pageRecords, isWrapper: true, isGraphPage: sawOData, nextLink: nextLink)
        }
        return JSONExport(records: [record], isWrapper: false, isGraphPage: false)
    }

    private mutating func readRecordArray() throws(JSONSyntaxError) -> [SnapshotRecord] {
        var records: [SnapshotRecord] = []
        try openRecordArray()
        while let record = try nextRecord() { records.append(record) }
        return records
    }

    // MARK: record by record

    /// True when the text's first byte other than whitespace is `[`: a top-level array of records.
    mutating func startsWithArray() -> Bool {
        skipWhitespace()
        return peek(UInt8(ascii: "["))
    }

    /// Records of the array read so far.
    var recordsRead: Int { recordCount }

    /// The length in bytes of the record `nextRecord` returned last.
    var lastRecordLength: Int { position - mark }

    /// Skips leading whitespace and reads the `[` of a top-level array of records; the caller has
    /// seen that the text starts with one.
    mutating func openRecordArray() throws(JSONSyntaxError) {
        recordCount = 0
        arrayClosed = false
        atRecordStart = false
        skipWhitespace()
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { position += 1; arrayClosed = true }
    }

    /// The next record of the array, nil after its `]`. Only the record being read is held: a stream
    /// forgets the text before it.
    mutating func nextRecord() throws(JSONSyntaxError) -> SnapshotRecord? {
        guard try moveToRecord() else { return nil }
        return try readCountedRecord()
    }

    /// What `nextStep` found: a record, the end of the array, or the start of a part of a split
    /// read (`SplitRecordReading`), its index in `partStarts`, where the record is not read.
    enum Step {
        case record(SnapshotRecord)
        case end
        case partStart(Int)
    }

    /// As `nextRecord`, but stops at a record that begins exactly at one of `partStarts` (each
    /// once): the caller may take the records from there on from the part's reader, or call again
    /// to read on.
    mutating func nextStep() throws(JSONSyntaxError) -> Step {
        guard try moveToRecord() else { return .end }
        while nextPart < partStarts.count, partStarts[nextPart] < position { nextPart += 1 }
        if nextPart < partStarts.count, partStarts[nextPart] == position {
            nextPart += 1
            return .partStart(nextPart - 1)
        }
        return .record(try readCountedRecord())
    }

    /// Past the `,` (or the array's `]`: false) and the whitespace before the next record's `{`.
    private mutating func moveToRecord() throws(JSONSyntaxError) -> Bool {
        guard !arrayClosed else { return false }
        if recordCount > 0, !atRecordStart {
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
            } else {
                try expect(UInt8(ascii: "]"))
                arrayClosed = true
                return false
            }
        }
        atRecordStart = true
        skipWhitespace()
        guard peek(UInt8(ascii: "{")) else {
            throw fail("record \(recordCount + 1) is not a JSON object")
        }
        return true
    }

    private mutating func readCountedRecord() throws(JSONSyntaxError) -> SnapshotRecord {
        guard recordCount < SnapshotRecord.maximumPerFile else {
            throw fail("more than \(SnapshotRecord.maximumPerFile) records in one file: split the export")
        }
        mark = position
        recordCount += 1
        atRecordStart = false
        return try readRecord(index: recordCount)
    }

    // MARK: parts of a split read

    /// A reader of a part of the top-level array, from the `{` at `partStarts[part]` on (the text
    /// `stream` reads from there): records are counted from 1 and lines from 1 there, as if the
    /// part were the whole array, and it stops at any later part's start (`nextStep`).
    init(stream: JSONByteStream, partStarts: [Int], part: Int) {
        self.init(window: stream.window, stream: stream)
        position = base
        mark = base
        self.partStarts = partStarts
        nextPart = part + 1
        atRecordStart = true
    }

    /// What separates the record just read from the next, as far as the window shows it
    /// (`SplitRecordReading.separator(after:)`).
    func separatorAhead() -> [UInt8]? {
        guard position >= base, position <= limit else { return nil }
        return SplitRecordReading.separator(after: UnsafeBufferPointer(rebasing: window[(position - base)...]))
    }

    /// Goes on at `partStarts[part]` as if every record before it had been read: `line` is the line
    /// the part starts on and `recordsRead` the records before it. A stream reads (and hashes) the
    /// text up to there and forgets it. The next step stops at that part's start again.
    mutating func resume(atPart part: Int, line: Int, recordsRead: Int) {
        guard part >= 0, part < partStarts.count else { return }
        position = partStarts[part]
        mark = position
        self.line = line
        recordCount = recordsRead
        atRecordStart = true
        arrayClosed = false
        nextPart = part
        if let stream {
            stream.skip(to: position)
            window = stream.window
            base = stream.base
            limit = base + window.count
        }
    }

    private mutating func readRecord(index: Int) throws(JSONSyntaxError) -> SnapshotRecord {
        var record = SnapshotRecord(index: index, line: line)
        position += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { position += 1; return record }
        while true {
            skipWhitespace()
            let key = try readKey()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            if let field = key.field {
                record[field] = try readValue(depth: 2)
            } else {
                try skipValue(depth: 2)
            }
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            try expect(UInt8(ascii: "}"))
            return record
        }
    }

    // MARK: values

    /// Scalars, lists and objects of a field ddi reads become values (objects only for the few fields
    /// that hold them: `AssignedPlan` entries, policy references).
    private mutating func readValue(depth: Int) throws(JSONSyntaxError) -> FieldValue {
        guard depth < Self.maximumDepth else { throw fail("nested too deeply") }
        guard has(position) else { throw fail("the file ends in the middle of a value") }
        switch byte(position) {
        case UInt8(ascii: "\""):
            return .text(try readString())
        case UInt8(ascii: "["):
            position += 1
            var items: [FieldValue] = []
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { position += 1; return .list(items) }
            while true {
                skipWhitespace()
                items.append(try readValue(depth: depth + 1))
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { position += 1; continue }
                try expect(UInt8(ascii: "]"))
                return .list(items)
            }
        case UInt8(ascii: "{"):
            return try readObject(depth: depth)
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            return .number(try readNumber())
        }
    }

    /// Members of objects that ddi reads: a plan of `AssignedPlan` / `assignedPlans`, a policy
    /// reference. Other members are skipped without building values (a Get-CsOnlineUser export of a
    /// large tenant has millions of them).
    static let objectMembers: Set<String> = ["capability", "capabilitystatus", "serviceplanid", "serviceplanname", "name", "identity"]

    /// An object's members that ddi reads, keys lowercased so that PascalCase and camelCase exports match.
    private mutating func readObject(depth: Int) throws(JSONSyntaxError) -> FieldValue {
        var members: [String: FieldValue] = [:]
        position += 1
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw fail("expected a key in double quotes") }
            let key = try readString().lowercased()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            if Self.objectMembers.contains(key) {
                members[key] = try readValue(depth: depth + 1)
            } else {
                try skipValue(depth: depth + 1)
            }
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            try expect(UInt8(ascii: "}"))
            return .object(members)
        }
    }

    private mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw fail("nested too deeply") }
        guard has(position) else { throw fail("the file ends in the middle of a value") }
        switch byte(position) {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let isObject = byte(position) == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            skipWhitespace()
            if peek(close) { position += 1; return }
            while true {
                skipWhitespace()
                if isObject {
                    guard peek(UInt8(ascii: "\"")) else { throw fail("expected a key in double quotes") }
                    try skipString()
                    skipWhitespace()
                    try expect(UInt8(ascii: ":"))
                    skipWhitespace()
                }
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { position += 1; continue }
                try expect(close)
                return
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try readNumber()
        }
    }
}
