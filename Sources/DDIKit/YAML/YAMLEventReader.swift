import CYAML

/// One libyaml event with its payload copied into Swift values.
enum YAMLEvent {
    case streamStart
    case streamEnd
    case documentStart(SourceLocation)
    case documentEnd
    case scalar(YAMLScalar, anchor: String?)
    case alias(String, SourceLocation)
    case sequenceStart(SourceLocation, anchor: String?)
    case sequenceEnd
    case mappingStart(SourceLocation, anchor: String?)
    case mappingEnd
}

/// Pulls events from libyaml's parser over an in-memory document.
///
/// A class, because libyaml keeps pointers into the parser structure and the input buffer: both must
/// stay at one address until the parser is deleted.
final class YAMLEventReader {
    let file: String
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var isReady = false

    init(bytes: [UInt8], file: String) {
        self.file = file
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = input.initialize(from: bytes)
        if yaml_parser_initialize(&parser) == 1, let base = input.baseAddress {
            yaml_parser_set_input_string(&parser, base, bytes.count)
            isReady = true
        }
    }

    deinit {
        if isReady { yaml_parser_delete(&parser) }
        input.deallocate()
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func next() throws -> YAMLEvent {
        guard isReady else {
            throw YAMLSyntaxError(message: "could not start the YAML parser", location: SourceLocation(file: file, line: 1, column: 1))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw parserError() }
        defer { yaml_event_delete(&event) }
        let start = location(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(start)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            return .scalar(
                YAMLScalar(text: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, location: start),
                anchor: scalar.anchor.map { String(cString: $0) }
            )
        case YAML_ALIAS_EVENT:
            return .alias(event.data.alias.anchor.map { String(cString: $0) } ?? "", start)
        case YAML_SEQUENCE_START_EVENT:
            return .sequenceStart(start, anchor: event.data.sequence_start.anchor.map { String(cString: $0) })
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            return .mappingStart(start, anchor: event.data.mapping_start.anchor.map { String(cString: $0) })
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            return .streamEnd
        }
    }

    private func parserError() -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        var message = "YAML syntax error: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let started = location(parser.context_mark)
            message += " \(context) that starts at line \(started.line), column \(started.column)"
        }
        if parser.error == YAML_READER_ERROR {
            message = "YAML syntax error: \(problem) (the file must be UTF-8 text)"
        }
        return YAMLSyntaxError(message: message, location: location(parser.problem_mark))
    }
}
