import CYAML

/// The parser's complaint about a document that is not well-formed YAML.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation
}

/// Builds a `YAMLNode` tree from libyaml's event stream.
///
/// The event parser is used directly, not a YAML decoding library, because it is several times faster
/// (DESIGN 10) and it gives the line and column of every node, which diagnostics must carry.
public enum YAMLParser {
    /// Deeper documents are rejected: inventory files nest at most four levels, and a tree
    /// thousands of levels deep would exhaust the stack when it is released.
    public static let maximumDepth = 64
    /// Caps alias expansion so that a "billion laughs" document cannot make later passes explode.
    public static let maximumExpandedNodes = 20_000_000

    public static func parse(_ bytes: [UInt8], file: String) -> Result<YAMLNode?, YAMLSyntaxError> {
        if bytes.isEmpty { return .success(nil) }
        return bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(file: file)
            return builder.run(buffer)
        }
    }
}

private final class Frame {
    let isMapping: Bool
    let location: SourceLocation
    let anchor: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    var size = 1

    init(isMapping: Bool, location: SourceLocation, anchor: String?) {
        self.isMapping = isMapping
        self.location = location
        self.anchor = anchor
        // Inventory entries have up to a dozen keys; growing the array from empty reallocated 4-5 times.
        if isMapping { pairs.reserveCapacity(12) }
    }
}

private struct TreeBuilder {
    let file: String
    var stack: [Frame] = []
    var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    var root: YAMLNode?
    var documents = 0
    var expandedNodes = 0

    init(file: String) { self.file = file }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<YAMLNode?, YAMLSyntaxError> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1, let base = buffer.baseAddress else {
            return .failure(YAMLSyntaxError(message: "could not start the YAML parser", location: SourceLocation(file: file, line: 1, column: 1)))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(parserError(parser))
            }
            let outcome = handle(event)
            let finished = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if let error = outcome { return .failure(error) }
            if finished { return .success(root) }
        }
    }

    func parserError(_ parser: yaml_parser_t) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let started = location(parser.context_mark)
            message += " \(context) that starts at line \(started.line), column \(started.column)"
        }
        if parser.error == YAML_READER_ERROR {
            message = "\(problem) (the file must be UTF-8 text)"
        }
        return YAMLSyntaxError(message: message, location: location(parser.problem_mark))
    }

    mutating func handle(_ event: yaml_event_t) -> YAMLSyntaxError? {
        let start = location(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return YAMLSyntaxError(message: "only one YAML document per file is allowed", location: start)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            let node = YAMLNode.scalar(YAMLScalar(text: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, location: start))
            return complete(node, size: 1, anchor: scalar.anchor.map { String(cString: $0) }, at: start)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let target = anchors[name] else {
                return YAMLSyntaxError(message: "unknown alias *\(name)", location: start)
            }
            return complete(target.node, size: target.size, anchor: nil, at: start, isAlias: true)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            if stack.count >= YAMLParser.maximumDepth {
                return YAMLSyntaxError(message: "nesting deeper than \(YAMLParser.maximumDepth) levels", location: start)
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            stack.append(Frame(isMapping: isMapping, location: start, anchor: anchor.map { String(cString: $0) }))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            let node: YAMLNode = frame.isMapping ? .mapping(frame.pairs, frame.location) : .sequence(frame.items, frame.location)
            return complete(node, size: frame.size, anchor: frame.anchor, at: frame.location)
        default:
            break
        }
        return nil
    }

    /// `size` is the node's subtree size; only aliases add more than one node to the expanded count,
    /// because the nodes of an ordinary subtree were counted as they completed.
    mutating func complete(_ node: YAMLNode, size: Int, anchor: String?, at place: SourceLocation, isAlias: Bool = false) -> YAMLSyntaxError? {
        expandedNodes += isAlias ? size : 1
        if expandedNodes > YAMLParser.maximumExpandedNodes {
            return YAMLSyntaxError(message: "aliases expand to more than \(YAMLParser.maximumExpandedNodes) nodes", location: place)
        }
        if let anchor { anchors[anchor] = (node, size) }
        guard let top = stack.last else {
            root = node
            return nil
        }
        top.size += size
        if !top.isMapping {
            top.items.append(node)
        } else if let key = top.pendingKey {
            top.pairs.append(YAMLPair(key: key, value: node))
            top.pendingKey = nil
        } else {
            top.pendingKey = node
        }
        return nil
    }
}
