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
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONSyntaxError) -> JSONExport in
            var reader = JSONRecordReader(buffer: buffer)
            return try reader.readDocument()
        }
    }

    private let buffer: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line = 1

    private init(buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    private mutating func readDocument() throws(JSONSyntaxError) -> JSONExport {
        skipWhitespace()
        guard position < buffer.count else { throw fail("the file is empty") }
        var export: JSONExport
        switch buffer[position] {
        case UInt8(ascii: "["):
            export = JSONExport(records: try readRecordArray(), isWrapper: false, isGraphPage: false)
        case UInt8(ascii: "{"):
            export = try readTopObject()
        default:
            throw fail("expected a JSON array or object of records")
        }
        skipWhitespace()
        guard position == buffer.count else { throw fail("unexpected text after the end of the JSON value") }
        return export
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
                if key.text.hasPrefix("@odata.") { sawOData = true }
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
        position += 1
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { position += 1; return records }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "{")) else {
                throw fail("record \(records.count + 1) is not a JSON object")
            }
            guard records.count < SnapshotRecord.maximumPerFile else {
                throw fail("more than \(SnapshotRecord.maximumPerFile) records in one file: split the export")
            }
            records.append(try readRecord(index: records.count + 1))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            try expect(UInt8(ascii: "]"))
            return records
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
        guard position < buffer.count else { throw fail("the file ends in the middle of a value") }
        switch buffer[position] {
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
        guard position < buffer.count else { throw fail("the file ends in the middle of a value") }
        switch buffer[position] {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let isObject = buffer[position] == UInt8(ascii: "{")
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

    // MARK: keys

    private struct Key {
        var field: Field?
        var text: String
    }

    /// Keys are matched case-insensitively by a hash of their lowercased bytes, so that the common
    /// case (an unescaped ASCII key) allocates nothing but the key's text.
    private mutating func readKey() throws(JSONSyntaxError) -> Key {
        guard peek(UInt8(ascii: "\"")) else { throw fail("expected a key in double quotes") }
        let start = position + 1
        var end = start
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while end < buffer.count, buffer[end] != UInt8(ascii: "\""), buffer[end] != UInt8(ascii: "\\") {
            hash = (hash ^ UInt64(Self.lower(buffer[end]))) &* 0x100_0000_01b3
            end += 1
        }
        if end < buffer.count, buffer[end] == UInt8(ascii: "\"") {
            position = end + 1
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            if let candidates = Self.keyTable[hash] {
                for (bytes, field) in candidates where bytes.count == slice.count {
                    if zip(bytes, slice).allSatisfy({ $0 == Self.lower($1) }) {
                        return Key(field: field, text: String(decoding: slice, as: UTF8.self))
                    }
                }
            }
            if slice.first == UInt8(ascii: "@") {
                return Key(field: nil, text: String(decoding: slice, as: UTF8.self))
            }
            return Key(field: nil, text: "")
        }
        let text = try readString()
        return Key(field: Field.byKey[text.lowercased()], text: text)
    }

    private static let keyTable: [UInt64: [([UInt8], Field)]] = {
        var table: [UInt64: [([UInt8], Field)]] = [:]
        for field in Field.allCases {
            for key in field.keys {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                table[hash, default: []].append((Array(key.utf8), field))
            }
        }
        return table
    }()

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    // MARK: strings, numbers, literals

    private mutating func readString() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("a control character inside a string (a string must end on its line)") }
            position += 1
        }
        var bytes = Array(UnsafeBufferPointer(rebasing: buffer[start..<min(position, buffer.count)]))
        while position < buffer.count {
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard position < buffer.count else { break }
                let escape = buffer[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(8)
                case UInt8(ascii: "f"): bytes.append(12)
                case UInt8(ascii: "n"): bytes.append(10)
                case UInt8(ascii: "r"): bytes.append(13)
                case UInt8(ascii: "t"): bytes.append(9)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4()
                    if (0xD800..<0xDC00).contains(scalar), peek(UInt8(ascii: "\\")),
                       position + 1 < buffer.count, buffer[position + 1] == UInt8(ascii: "u") {
                        position += 2
                        let low = try readHex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    bytes.append(contentsOf: Array(String(character).utf8))
                default:
                    throw fail("invalid escape \\\(Character(Unicode.Scalar(escape)))")
                }
            default:
                if byte < 0x20 { throw fail("a control character inside a string (a string must end on its line)") }
                bytes.append(byte)
                position += 1
            }
        }
        throw fail("the file ends inside a string")
    }

    private mutating func skipString() throws(JSONSyntaxError) {
        position += 1
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") { position += 1; return }
            if byte == UInt8(ascii: "\\") { position += 2; continue }
            if byte < 0x20 { throw fail("a control character inside a string (a string must end on its line)") }
            position += 1
        }
        throw fail("the file ends inside a string")
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= buffer.count else { throw fail("the file ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[position]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw fail("invalid \\u escape")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        var digits = 0
        while position < buffer.count {
            let byte = buffer[position]
            if (48...57).contains(byte) {
                digits += 1
            } else if byte != UInt8(ascii: ".") && byte != UInt8(ascii: "e") && byte != UInt8(ascii: "E")
                        && byte != UInt8(ascii: "+") && byte != UInt8(ascii: "-") {
                break
            }
            position += 1
        }
        guard digits > 0 else {
            position = start
            throw fail(position < buffer.count ? "unexpected character '\(Character(Unicode.Scalar(buffer[position])))'" : "the file ends in the middle of a value")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= buffer.count else { throw fail("the file ends in the middle of a value") }
        for index in 0..<count where buffer[position + index] != word.utf8Start[index] {
            throw fail("unexpected text (expected \(word))")
        }
        position += count
    }

    // MARK: helpers

    private func peek(_ byte: UInt8) -> Bool { position < buffer.count && buffer[position] == byte }

    private mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        guard position < buffer.count else { throw fail("the file ends early (truncated?): expected '\(Character(Unicode.Scalar(byte)))'") }
        guard buffer[position] == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))', found '\(Character(Unicode.Scalar(buffer[position])))'")
        }
        position += 1
    }

    /// Counts lines as it skips whitespace, so records know their line without a second pass.
    private mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 10: line += 1; position += 1
            case 32, 9, 13: position += 1
            default: return
            }
        }
    }

    private func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(line: line, message: message) }
}
