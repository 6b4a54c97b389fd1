/// Reads the plain block-YAML that inventory files are written in and gives exactly the events
/// libyaml gives for it: the same scalar text and style, and the same line and column for every
/// event. It is several times faster than libyaml's general tokeniser (README "Performance"), which
/// was most of `ddi validate`'s time.
///
/// It reads only a subset, and gives up on the WHOLE file at the first thing outside it (or anything
/// it is unsure of); libyaml then reads the file as before, so every syntax error and its message
/// still comes from libyaml. The subset: block mappings and sequences indented with spaces (`- x`,
/// `- key: value`, `- - x`, `key:` over an indented or unindented list), one-line plain, single- and
/// double-quoted scalars, one-line flow lists and mappings of such scalars (`tags: [a, b]`,
/// `cost: { per_number_month: 2.95, currency: EUR }`), comments, blank lines, a `---` first and a
/// `...` last, `\n` line ends. Not in it: anchors, aliases, tags, block scalars, scalars over several
/// lines, nested flow collections, `?` keys, directives, tabs, carriage returns, a byte order mark,
/// control characters and malformed UTF-8. BlockYAMLScannerTests compares both readers.
struct BlockYAMLScanner {
    /// Past this nesting it gives up, so that its recursion stays shallow; the tree builder refuses
    /// documents deeper than `YAMLParser.maximumDepth` whichever reader made the events.
    static let maximumDepth = YAMLParser.maximumDepth + 8
    /// libyaml forgets a possible key 1024 characters after its start, and then refuses the `:`;
    /// such keys are left to it (bytes are never fewer than characters).
    static let maximumKeyBytes = 1_000

    struct GiveUp: Error {}

    /// A scalar read but not yet on the tape, with the offset where it began (quote included).
    struct PendingScalar {
        var event: ScannedEvent
        var origin: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// With only ASCII, a column is a byte offset; otherwise libyaml counts characters.
    let isASCII: Bool
    var document = ScannedDocument()
    var position = 0
    /// The current line, 0-based, and the offset where it starts.
    private var line = 0
    private var lineStart = 0
    /// The current content line's indentation; -1 when it is a `---` or `...` marker.
    private var indent = 0
    private var hasLine = false

    /// The events of `input`, or nil when it is not in the subset (libyaml must read it).
    static func scan(_ input: [UInt8]) -> ScannedDocument? {
        input.withUnsafeBufferPointer { buffer in
            guard let isASCII = checkedCharacters(buffer) else { return nil }
            var scanner = BlockYAMLScanner(bytes: buffer, isASCII: isASCII)
            do {
                try scanner.scanStream()
                return scanner.document
            } catch {
                return nil
            }
        }
    }

    /// All events of `input` at once (for tests and comparisons), or nil outside the subset.
    static func events(_ input: [UInt8], file: String) -> [YAMLEvent]? {
        guard let document = scan(input) else { return nil }
        return document.tape.indices.map { document.event($0, bytes: input, file: file) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        self.bytes = bytes
        self.isASCII = isASCII
        document.tape.reserveCapacity(bytes.count / 12)
    }

    mutating func append(_ kind: ScannedEvent.Kind, at place: ScannedEvent.Place, start: Int = 0, end: Int = 0) {
        document.tape.append(ScannedEvent(kind: kind, line: place.line, column: place.column, start: start, end: end))
    }

    mutating func append(_ kind: ScannedEvent.Kind) {
        append(kind, at: ScannedEvent.Place(line: 0, column: 0))
    }

    /// The byte at `index`, or 0 past the end (NUL never occurs inside: `checkedCharacters` refuses it).
    func at(_ index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    func location(_ offset: Int) -> ScannedEvent.Place {
        var column = offset - lineStart
        if !isASCII {
            column = 0
            var index = lineStart
            while index < offset {
                if at(index) & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return ScannedEvent.Place(line: Int32(truncatingIfNeeded: line + 1), column: Int32(truncatingIfNeeded: column + 1))
    }

    // MARK: Document and lines

    private mutating func scanStream() throws {
        guard bytes.count < Int(Int32.max) else { throw GiveUp() }
        append(.streamStart)
        seekContent()
        if hasLine {
            var documentPlace: ScannedEvent.Place?
            if isMarker("-") {
                documentPlace = location(position)
                position += 3
                try finishLine()
            }
            guard hasLine, indent >= 0 else { throw GiveUp() }
            append(.documentStart, at: documentPlace ?? location(position))
            try blockNode(depth: 0)
            if hasLine {
                guard indent < 0, isMarker(".") else { throw GiveUp() }
                position += 3
                try finishLine()
                if hasLine { throw GiveUp() }
            }
            append(.documentEnd)
        }
        append(.streamEnd)
    }

    /// `---` or `...` (three of `mark`) at the start of the current line, followed by a blank.
    private func isMarker(_ mark: Unicode.Scalar) -> Bool {
        let byte = UInt8(ascii: mark)
        return position == lineStart && at(position) == byte && at(position + 1) == byte && at(position + 2) == byte
            && Self.isBlank(at(position + 3))
    }

    /// From the start of a line, moves to the first character of the next line with content.
    private mutating func seekContent() {
        while true {
            lineStart = position
            while at(position) == .space { position += 1 }
            guard position < bytes.count else {
                hasLine = false
                return
            }
            let byte = at(position)
            if byte == .hash {
                while position < bytes.count, at(position) != .newline { position += 1 }
            }
            if at(position) == .newline {
                position += 1
                line += 1
                continue
            }
            guard position < bytes.count else {
                hasLine = false
                return
            }
            hasLine = true
            indent = position - lineStart
            if indent == 0 && (isMarker("-") || isMarker(".")) { indent = -1 }
            return
        }
    }

    /// Accepts only blanks and a comment up to the end of the line, then moves to the next content line.
    mutating func finishLine() throws {
        while at(position) == .space { position += 1 }
        if at(position) == .hash, at(position - 1) == .space || position == lineStart {
            while position < bytes.count, at(position) != .newline { position += 1 }
        }
        guard position < bytes.count else {
            hasLine = false
            return
        }
        guard at(position) == .newline else { throw GiveUp() }
        position += 1
        line += 1
        seekContent()
    }

    /// A `#` after a blank, or the end of the line: nothing more on this line.
    private var atLineEnd: Bool {
        let byte = at(position)
        return byte == 0 || byte == .newline || (byte == .hash && at(position - 1) == .space)
    }

    private var atEntry: Bool { at(position) == .dash && Self.isBlank(at(position + 1)) }

    static func isBlank(_ byte: UInt8) -> Bool { byte == .space || byte == .newline || byte == 0 }

    // MARK: Block collections

    /// The node at `position`, which begins its line or follows `- ` on it (so only spaces and dashes
    /// precede it and its byte offset is its column), and every line that belongs to it.
    private mutating func blockNode(depth: Int) throws {
        guard depth < Self.maximumDepth else { throw GiveUp() }
        let column = position - lineStart
        if atEntry {
            try blockSequence(column: column, indentless: false, depth: depth)
            return
        }
        if at(position) == .openBracket || at(position) == .openBrace {
            try flowCollection()
            try finishLine()
            return
        }
        let scalar = try scalar(inFlow: false)
        if at(position) == .colon && Self.isBlank(at(position + 1)) {
            try blockMapping(column: column, firstKey: scalar, depth: depth)
        } else {
            document.tape.append(scalar.event)
            try finishLine()
        }
    }

    /// A block sequence whose dashes stand at `column`. An indentless one (`key:` with the dashes
    /// right under the key) ends at the next key of that mapping; any other one must end at a
    /// shallower line.
    private mutating func blockSequence(column: Int, indentless: Bool, depth: Int) throws {
        append(.sequenceStart, at: location(position))
        while true {
            position += 1
            let entryEnd = position
            while at(position) == .space { position += 1 }
            if atLineEnd {
                // libyaml places an empty entry just after its dash.
                let empty = location(entryEnd)
                try finishLine()
                if hasLine && indent > column {
                    try blockNode(depth: depth + 1)
                } else {
                    append(.plainScalar, at: empty)
                }
            } else {
                try blockNode(depth: depth + 1)
            }
            guard hasLine, indent == column, atEntry else {
                if hasLine && (indent > column || (indent == column && !indentless)) { throw GiveUp() }
                break
            }
        }
        append(.sequenceEnd)
    }

    /// A block mapping whose keys stand at `column`; `position` is at the `:` after `firstKey`.
    private mutating func blockMapping(column: Int, firstKey: PendingScalar, depth: Int) throws {
        append(.mappingStart, at: firstKey.event.place)
        var key = firstKey
        while true {
            guard position - key.origin <= Self.maximumKeyBytes else { throw GiveUp() }
            document.tape.append(key.event)
            position += 1
            let valueMark = position
            while at(position) == .space { position += 1 }
            if atLineEnd {
                // libyaml places an empty value just after the `:`.
                let empty = location(valueMark)
                try finishLine()
                if hasLine && indent > column {
                    try blockNode(depth: depth + 1)
                } else if hasLine && indent == column && atEntry {
                    try blockSequence(column: column, indentless: true, depth: depth + 1)
                } else {
                    append(.plainScalar, at: empty)
                }
            } else {
                try inlineValue(depth: depth + 1)
            }
            guard hasLine, indent == column else {
                if hasLine && indent > column { throw GiveUp() }
                break
            }
            key = try scalar(inFlow: false)
            guard at(position) == .colon, Self.isBlank(at(position + 1)) else { throw GiveUp() }
        }
        append(.mappingEnd)
    }

    /// A value on its key's line: a scalar or a flow collection, nothing else after it.
    private mutating func inlineValue(depth: Int) throws {
        guard depth < Self.maximumDepth else { throw GiveUp() }
        if at(position) == .openBracket || at(position) == .openBrace {
            try flowCollection()
        } else {
            let value = try scalar(inFlow: false)
            // `a: b: c` is an error for libyaml.
            if at(position) == .colon && Self.isBlank(at(position + 1)) { throw GiveUp() }
            document.tape.append(value.event)
        }
        try finishLine()
    }

    /// `[a, b]` or `{ k: v, k2: v2 }` of scalars, closed on the same line.
    private mutating func flowCollection() throws {
        let isMapping = at(position) == .openBrace
        let close: UInt8 = isMapping ? .closeBrace : .closeBracket
        append(isMapping ? .mappingStart : .sequenceStart, at: location(position))
        position += 1
        while at(position) == .space { position += 1 }
        if at(position) != close {
            while true {
                let item = try scalar(inFlow: true)
                if isMapping {
                    guard at(position) == .colon, at(position + 1) == .space,
                          position - item.origin <= Self.maximumKeyBytes else { throw GiveUp() }
                    document.tape.append(item.event)
                    position += 1
                    while at(position) == .space { position += 1 }
                    let value = try scalar(inFlow: true)
                    document.tape.append(value.event)
                } else {
                    document.tape.append(item.event)
                }
                if at(position) == .comma {
                    position += 1
                    while at(position) == .space { position += 1 }
                    if at(position) == close { throw GiveUp() }
                    continue
                }
                guard at(position) == close else { throw GiveUp() }
                break
            }
        }
        position += 1
        append(isMapping ? .mappingEnd : .sequenceEnd)
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let dash = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
}
