import DDIKit

/// One parsed inventory file together with its text, able to say exactly which bytes a node occupies.
///
/// The parser records where each node starts; where it ends is found here by scanning the text
/// (closing quote, end of a plain scalar, matching bracket), so that edits can splice the original
/// bytes and leave everything else untouched.
struct YAMLDocument: Sendable {
    let path: String
    let text: SourceText
    let root: YAMLNode?

    init(path: String, bytes: [UInt8]) throws {
        self.path = path
        text = SourceText(bytes)
        switch YAMLParser.parse(bytes, file: path) {
        case .success(let root): self.root = root
        case .failure(let error): throw EditError.unparsable(path, "\(error.location): \(error.message)")
        }
    }

    // MARK: - Navigation

    /// The value of a top-level key (`numbers`), and the key scalar.
    func topLevel(_ key: String) -> YAMLPair? {
        guard case .mapping(let pairs, _)? = root else { return nil }
        return pairs.first { if case .scalar(let scalar) = $0.key { return scalar.text == key } else { return false } }
    }

    /// The items of the top-level `numbers:` list (empty when absent or null).
    func numberItems() -> [YAMLNode] {
        guard let pair = topLevel("numbers"), case .sequence(let items, _) = pair.value else { return [] }
        return items
    }

    /// The mapping node of the `numbers:` entry that starts at `location`.
    func numberEntry(at location: SourceLocation) throws -> YAMLNode {
        guard let node = numberItems().first(where: { $0.location == location }), case .mapping = node else {
            throw EditError.notEditable(location.description, "the entry is not where the inventory was read from (was the file changed meanwhile?)")
        }
        return node
    }

    // MARK: - Extents

    func byte(at offset: Int) -> UInt8? { offset >= 0 && offset < text.bytes.count ? text.bytes[offset] : nil }

    /// True when the node is written in flow style (`{...}` or `[...]`).
    func isFlow(_ node: YAMLNode) -> Bool {
        switch node {
        case .scalar: false
        case .mapping(_, let location): byte(at: text.offset(of: location)) == UInt8(ascii: "{")
        case .sequence(_, let location): byte(at: text.offset(of: location)) == UInt8(ascii: "[")
        }
    }

    func style(of scalar: YAMLScalar) -> ScalarStyle {
        switch byte(at: text.offset(of: scalar.location)) {
        case UInt8(ascii: "\"")?: .doubleQuoted
        case UInt8(ascii: "'")?: .singleQuoted
        default: .plain
        }
    }

    /// The bytes a scalar occupies. `keyColumn` (0-based) is the column of the key owning the scalar,
    /// needed to see where a multi-line plain or block scalar ends; `inFlow` whether it sits in a flow
    /// collection. `singleLine` is false when the scalar continues on following lines.
    func extent(of scalar: YAMLScalar, keyColumn: Int, inFlow: Bool) -> (range: Range<Int>, singleLine: Bool) {
        let start = text.offset(of: scalar.location)
        let bytes = text.bytes
        guard start < bytes.count else { return (start..<start, true) }
        let line = scalar.location.line
        switch bytes[start] {
        case UInt8(ascii: "\""):
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "\"") { break }
                index += 1
            }
            let end = min(index + 1, bytes.count)
            return (start..<end, text.line(containing: end - 1) == line)
        case UInt8(ascii: "'"):
            var index = start + 1
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "'") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                    break
                }
                index += 1
            }
            let end = min(index + 1, bytes.count)
            return (start..<end, text.line(containing: end - 1) == line)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            if scalar.isPlain { break }
            return (start..<continuationEnd(after: line, keyColumn: keyColumn), false)
        default:
            break
        }
        if scalar.isPlain && scalar.text.isEmpty { return (start..<start, true) }
        // A plain scalar: up to a comment, the end of the line, or (in flow style) a flow indicator.
        let lineEnd = text.contentEnd(ofLine: line)
        var index = start
        while index < lineEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#"), index > start, bytes[index - 1] == 32 || bytes[index - 1] == 9 { break }
            if inFlow, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
            if inFlow, byte == UInt8(ascii: ":"), index + 1 < lineEnd, bytes[index + 1] == 32 { break }
            index += 1
        }
        while index > start, bytes[index - 1] == 32 || bytes[index - 1] == 9 { index -= 1 }
        if text.string(start..<index) == scalar.text { return (start..<index, true) }
        if inFlow { return (start..<index, false) }
        return (start..<continuationEnd(after: line, keyColumn: keyColumn), false)
    }

    /// The end of the last line after `line` that continues a value: lines indented deeper than
    /// `keyColumn`, with blank lines in between but not at the end.
    private func continuationEnd(after line: Int, keyColumn: Int) -> Int {
        var last = line
        var candidate = line + 1
        while candidate <= text.lineCount {
            if text.isBlank(line: candidate) { candidate += 1; continue }
            guard text.indentation(ofLine: candidate) > keyColumn else { break }
            last = candidate
            candidate += 1
        }
        return text.contentEnd(ofLine: last)
    }

    /// The end offset (exclusive) of any node.
    func end(of node: YAMLNode, keyColumn: Int, inFlow: Bool) -> Int {
        switch node {
        case .scalar(let scalar):
            return extent(of: scalar, keyColumn: keyColumn, inFlow: inFlow).range.upperBound
        case .mapping(let pairs, let location):
            if isFlow(node) { return matchingBracket(from: text.offset(of: location)) }
            guard let last = pairs.last else { return text.offset(of: location) }
            return pairEnd(last, keyColumn: location.column - 1, inFlow: false)
        case .sequence(let items, let location):
            if isFlow(node) { return matchingBracket(from: text.offset(of: location)) }
            guard let last = items.last else { return text.offset(of: location) }
            // Items of a block sequence are indented at least as deep as the dash.
            return end(of: last, keyColumn: max(0, location.column - 1), inFlow: false)
        }
    }

    /// Where a key/value pair ends: after its value, or after its key when the value is empty.
    func pairEnd(_ pair: YAMLPair, keyColumn: Int, inFlow: Bool) -> Int {
        if case .scalar(let scalar) = pair.value, scalar.isPlain, scalar.text.isEmpty {
            return end(of: pair.key, keyColumn: keyColumn, inFlow: inFlow) + 1 // the ':'
        }
        return end(of: pair.value, keyColumn: keyColumn, inFlow: inFlow)
    }

    /// The offset after the bracket that closes the one at `start`, skipping quoted text and comments.
    func matchingBracket(from start: Int) -> Int {
        let bytes = text.bytes
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    index += 1
                }
            case UInt8(ascii: "'"):
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "'") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                        break
                    }
                    index += 1
                }
            case UInt8(ascii: "#") where index > 0 && (bytes[index - 1] == 32 || bytes[index - 1] == 9 || bytes[index - 1] == 10):
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            default:
                break
            }
            index += 1
        }
        return bytes.count
    }

    /// The lines an entry of a block sequence occupies, from its `-` line to the end of its content.
    func lines(ofItem node: YAMLNode) -> ClosedRange<Int> {
        let first = node.location.line
        let end = self.end(of: node, keyColumn: node.location.column - 1, inFlow: false)
        return first...max(first, text.line(containing: max(0, end - 1)))
    }

    /// True when only spaces and one `- ` come before `location` on its line: the entry owns the line.
    func itemOwnsLine(_ location: SourceLocation) -> Bool {
        let start = text.start(ofLine: location.line)
        let offset = text.offset(of: location)
        var sawDash = false
        for byte in text.bytes[start..<offset] {
            if byte == 32 { continue }
            if byte == UInt8(ascii: "-"), !sawDash { sawDash = true; continue }
            return false
        }
        return sawDash
    }

    /// True when only spaces come before `location` on its line.
    func startsLine(_ location: SourceLocation) -> Bool {
        let start = text.start(ofLine: location.line)
        return text.bytes[start..<text.offset(of: location)].allSatisfy { $0 == 32 }
    }
}

extension YAMLNode {
    var scalarValue: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var mappingPairs: [YAMLPair] {
        if case .mapping(let pairs, _) = self { return pairs }
        return []
    }

    /// The pair with a scalar key `key`.
    func pair(_ key: String) -> YAMLPair? {
        mappingPairs.first { $0.key.scalarValue?.text == key }
    }
}
