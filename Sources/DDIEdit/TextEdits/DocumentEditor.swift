import DDIKit

/// A replacement of bytes `start..<end` of the original text. Splices are computed against the
/// original text and applied together, so no edit shifts the positions another one relies on.
struct Splice: Sendable {
    var start: Int
    var end: Int
    var replacement: String
    /// Orders insertions at the same offset: lower first.
    var sequence: Int
}

/// One value of a new or changed field, with what it is so the file's quoting style can be followed.
public struct FieldValue: Sendable, Equatable {
    public enum Kind: Sendable { case number, block, date, text }
    public var text: String
    public var kind: Kind

    public static func number(_ text: String) -> FieldValue { FieldValue(text: text, kind: .number) }
    public static func block(_ text: String) -> FieldValue { FieldValue(text: text, kind: .block) }
    public static func date(_ day: Day) -> FieldValue { FieldValue(text: day.description, kind: .date) }
    public static func text(_ text: String) -> FieldValue { FieldValue(text: text, kind: .text) }
}

/// A new `numbers:` entry: its fields in the order they are written.
public struct NewEntry: Sendable, Equatable {
    public var fields: [(key: String, value: FieldValue)]

    public init(_ fields: [(key: String, value: FieldValue)]) { self.fields = fields }

    public static func == (lhs: NewEntry, rhs: NewEntry) -> Bool {
        lhs.fields.map(\.key) == rhs.fields.map(\.key) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }
}

/// Collects minimal edits to one inventory file and produces its new text.
///
/// Entries are addressed by the location the inventory loader gave them, which is the location in the
/// original text: all edits refer to the original, and `result()` applies them at once.
struct DocumentEditor {
    let document: YAMLDocument
    private(set) var splices: [Splice] = []
    private var nextSequence = 0

    init(document: YAMLDocument) { self.document = document }

    init(path: String, bytes: [UInt8]) throws { document = try YAMLDocument(path: path, bytes: bytes) }

    var text: SourceText { document.text }
    var eol: String { text.lineEnding }
    var path: String { document.path }

    private mutating func splice(_ start: Int, _ end: Int, _ replacement: String) {
        splices.append(Splice(start: start, end: end, replacement: replacement, sequence: nextSequence))
        nextSequence += 1
    }

    // MARK: - Styles

    /// The quoting the file uses for `number:` (or `block:`) values, so new ones look the same.
    func preferredStyle(for kind: FieldValue.Kind) -> ScalarStyle? {
        let keys: [String]
        switch kind {
        case .number: keys = ["number", "block"]
        case .block: keys = ["block", "number"]
        case .date: keys = ["reviewed", "since", "until"]
        case .text: return nil
        }
        let items = document.numberItems()
        for key in keys {
            for item in items.reversed() {
                if let scalar = item.pair(key)?.value.scalarValue { return document.style(of: scalar) }
            }
        }
        return kind == .date ? nil : .doubleQuoted
    }

    func render(_ value: FieldValue, inFlow: Bool) -> String {
        var style = preferredStyle(for: value.kind)
        if value.kind == .text { style = nil }
        return ScalarWriter.render(value.text, preferred: style, inFlow: inFlow)
    }

    // MARK: - Fields of an entry

    private func keyColumn(_ entry: YAMLNode) -> Int { entry.location.column - 1 }

    /// Replaces the value of `key`, or inserts the field when the entry does not have it: after the
    /// first of `after` that the entry has, else at the end of the entry.
    mutating func set(_ key: String, to value: FieldValue, in entry: YAMLNode, after: [String] = []) throws {
        let inFlow = document.isFlow(entry)
        guard let pair = entry.pair(key) else {
            try insert(key, value, in: entry, after: after)
            return
        }
        guard let scalar = pair.value.scalarValue else {
            throw EditError.notEditable(pair.key.location.description, "'\(key)' is not a single value")
        }
        if !scalar.isPlain || !scalar.text.isEmpty, scalar.text == value.text { return }
        if scalar.isPlain && scalar.text.isEmpty {
            let rendered = render(value, inFlow: inFlow)
            // `key:` with nothing after it: write the value after the colon.
            let colon = document.pairEnd(pair, keyColumn: keyColumn(entry), inFlow: inFlow)
            splice(colon, colon, " " + rendered)
            return
        }
        let extent = document.extent(of: scalar, keyColumn: keyColumn(entry), inFlow: inFlow)
        guard extent.singleLine else {
            throw EditError.notEditable(scalar.location.description, "'\(key)' spans several lines; edit it by hand")
        }
        // A changed value keeps the quoting it had, where that can hold the new text.
        let keepStyle = ScalarWriter.render(value.text, preferred: document.style(of: scalar), inFlow: inFlow)
        splice(extent.range.lowerBound, extent.range.upperBound, keepStyle)
    }

    /// Renames a key and sets its value (turns `block: A..A` into `number: "A"`).
    mutating func replaceKey(_ key: String, with newKey: String, value: FieldValue, in entry: YAMLNode) throws {
        let inFlow = document.isFlow(entry)
        guard let pair = entry.pair(key), let keyScalar = pair.key.scalarValue, keyScalar.isPlain,
              let scalar = pair.value.scalarValue else {
            throw EditError.notEditable(entry.location.description, "cannot rewrite '\(key)' here")
        }
        let keyStart = document.text.offset(of: keyScalar.location)
        let extent = document.extent(of: scalar, keyColumn: keyColumn(entry), inFlow: inFlow)
        guard extent.singleLine, document.text.line(containing: keyStart) == scalar.location.line else {
            throw EditError.notEditable(scalar.location.description, "'\(key)' spans several lines; edit it by hand")
        }
        splice(keyStart, extent.range.upperBound, newKey + ": " + render(value, inFlow: inFlow))
    }

    private mutating func insert(_ key: String, _ value: FieldValue, in entry: YAMLNode, after: [String]) throws {
        let pairs = entry.mappingPairs
        guard !pairs.isEmpty else { throw EditError.notEditable(entry.location.description, "empty entry") }
        let anchor = after.lazy.compactMap { entry.pair($0) }.first ?? pairs[pairs.count - 1]
        let inFlow = document.isFlow(entry)
        let rendered = key + ": " + render(value, inFlow: inFlow)
        let end = document.pairEnd(anchor, keyColumn: keyColumn(entry), inFlow: inFlow)
        if inFlow {
            splice(end, end, ", " + rendered)
            return
        }
        let line = text.line(containing: max(0, end - 1))
        insertLine(after: line, String(repeating: " ", count: keyColumn(entry)) + rendered)
    }

    /// Inserts a whole line (without line break) after `line`.
    private mutating func insertLine(after line: Int, _ content: String) {
        if text.hasLineBreak(line: line) {
            let at = text.fullEnd(ofLine: line)
            splice(at, at, content + eol)
        } else {
            let at = text.bytes.count
            splice(at, at, eol + content)
        }
    }

    /// Removes a field. A field on its own lines loses those lines; the first field of an entry (on the
    /// `-` line) or a field of a flow mapping loses its text and separator.
    mutating func remove(_ key: String, from entry: YAMLNode) throws {
        let pairs = entry.mappingPairs
        guard let index = pairs.firstIndex(where: { $0.key.scalarValue?.text == key }) else { return }
        let pair = pairs[index]
        let inFlow = document.isFlow(entry)
        let column = keyColumn(entry)
        let keyStart = text.offset(of: pair.key.location)
        let end = document.pairEnd(pair, keyColumn: column, inFlow: inFlow)
        if inFlow {
            if index > 0 {
                let previousEnd = document.pairEnd(pairs[index - 1], keyColumn: column, inFlow: true)
                splice(previousEnd, end, "")
            } else if index + 1 < pairs.count {
                splice(keyStart, text.offset(of: pairs[index + 1].key.location), "")
            } else {
                throw EditError.notEditable(pair.key.location.description, "cannot remove the only field of an entry")
            }
            return
        }
        if document.startsLine(pair.key.location) {
            let lastLine = text.line(containing: max(keyStart, end - 1))
            splice(text.start(ofLine: pair.key.location.line), text.fullEnd(ofLine: lastLine), "")
        } else if index + 1 < pairs.count {
            splice(keyStart, text.offset(of: pairs[index + 1].key.location), "")
        } else {
            throw EditError.notEditable(pair.key.location.description, "cannot remove the only field of an entry")
        }
    }

    // MARK: - Whole entries

    /// Deletes an entry of a block `numbers:` list with its lines (comments above it stay).
    mutating func removeEntry(_ entry: YAMLNode) throws {
        guard document.itemOwnsLine(entry.location) else {
            throw EditError.notEditable(entry.location.description, "the entry shares its line with other text; edit it by hand")
        }
        let lines = document.lines(ofItem: entry)
        splice(text.start(ofLine: lines.lowerBound), text.fullEnd(ofLine: lines.upperBound), "")
    }

    /// Inserts a copy of `entry` right after it, with `key` (`block` or `number`) rewritten: the entry's
    /// other fields, comments and formatting are kept as written.
    mutating func duplicate(_ entry: YAMLNode, spanKey: String, newKey: String, value: FieldValue) throws {
        guard document.itemOwnsLine(entry.location),
              let pair = entry.pair(spanKey), let keyScalar = pair.key.scalarValue,
              let scalar = pair.value.scalarValue else {
            throw EditError.notEditable(entry.location.description, "cannot copy this entry; split it by hand")
        }
        let lines = document.lines(ofItem: entry)
        let copyStart = text.start(ofLine: lines.lowerBound)
        let copyEnd = text.contentEnd(ofLine: lines.upperBound)
        let inFlow = document.isFlow(entry)
        let keyStart = text.offset(of: keyScalar.location)
        let extent = document.extent(of: scalar, keyColumn: keyColumn(entry), inFlow: inFlow)
        guard extent.singleLine else {
            throw EditError.notEditable(scalar.location.description, "'\(spanKey)' spans several lines; edit it by hand")
        }
        let before = text.string(copyStart..<keyStart)
        let after = text.string(extent.range.upperBound..<copyEnd)
        let copy = before + newKey + ": " + render(value, inFlow: inFlow) + after
        insertLine(after: lines.upperBound, copy)
    }

    /// Appends entries after the last entry of the `numbers:` list (creating the list when the file has
    /// none), with the indentation, quoting and block or flow style of the entries already there.
    mutating func append(_ entries: [NewEntry]) throws {
        guard !entries.isEmpty else { return }
        let items = document.numberItems()
        if let pair = document.topLevel("numbers") {
            if case .sequence(_, _) = pair.value, document.isFlow(pair.value) {
                throw EditError.notEditable(pair.value.location.description, "'numbers:' is a flow list ([...]); write it as a block list to let ddi add entries")
            }
            if let last = items.last {
                let dashIndent = text.indentation(ofLine: last.location.line)
                let flow = document.isFlow(last)
                let keyIndent = flow ? dashIndent + 2 : last.location.column - 1
                let lines = document.lines(ofItem: last)
                let rendered = entries.map { render($0, dashIndent: dashIndent, keyIndent: keyIndent, flow: flow) }
                insertLine(after: lines.upperBound, rendered.joined(separator: eol))
                return
            }
            guard pair.value.isNull, let keyScalar = pair.key.scalarValue, document.startsLine(keyScalar.location) else {
                throw EditError.notEditable(pair.value.location.description, "'numbers:' is not a list ddi can add to")
            }
            let keyLine = keyScalar.location.line
            let lineEnd = text.contentEnd(ofLine: keyLine)
            let keyEnd = min(text.offset(of: keyScalar.location) + "numbers".utf8.count, lineEnd)
            let rendered = entries.map { render($0, dashIndent: 2, keyIndent: 4, flow: false) }
            // Drop anything after `numbers:` on that line (`~`, `null`), keep a trailing comment.
            let rest = text.string(keyEnd..<lineEnd)
            let comment = rest.range(of: " #").map { String(rest[$0.lowerBound...]) } ?? ""
            splice(keyEnd, lineEnd, ":" + comment)
            insertLine(after: keyLine, rendered.joined(separator: eol))
            return
        }
        let rendered = entries.map { render($0, dashIndent: 2, keyIndent: 4, flow: false) }
        let body = "numbers:" + eol + rendered.joined(separator: eol) + eol
        let bytes = text.bytes
        let at = bytes.count
        if bytes.isEmpty || (text.lineCount == 1 && text.isBlank(line: 1)) {
            splice(0, at, body)
        } else if bytes.last == 10 || bytes.last == 13 {
            splice(at, at, eol + body)
        } else {
            splice(at, at, eol + eol + body)
        }
    }

    private func render(_ entry: NewEntry, dashIndent: Int, keyIndent: Int, flow: Bool) -> String {
        let dash = String(repeating: " ", count: dashIndent) + "-" + String(repeating: " ", count: max(1, keyIndent - dashIndent - 1))
        let fields = entry.fields.map { "\($0.key): \(render($0.value, inFlow: flow))" }
        if flow { return String(repeating: " ", count: dashIndent) + "- {" + fields.joined(separator: ", ") + "}" }
        let indent = String(repeating: " ", count: keyIndent)
        return fields.enumerated().map { ($0.offset == 0 ? dash : indent) + $0.element }.joined(separator: eol)
    }

    // MARK: - Result

    /// The new text with every splice applied; nil when nothing changed.
    func result() throws -> [UInt8] {
        // At one offset, insertions go before a replacement that starts there.
        let ordered = splices.sorted {
            ($0.start, $0.end == $0.start ? 0 : 1, $0.sequence) < ($1.start, $1.end == $1.start ? 0 : 1, $1.sequence)
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.bytes.count + 256)
        var cursor = 0
        for splice in ordered {
            guard splice.start >= cursor else {
                throw EditError.notEditable(path, "two edits overlap in this file; make them one at a time")
            }
            output += text.bytes[cursor..<splice.start]
            output += Array(splice.replacement.utf8)
            cursor = max(cursor, splice.end)
        }
        output += text.bytes[cursor...]
        return output
    }
}
