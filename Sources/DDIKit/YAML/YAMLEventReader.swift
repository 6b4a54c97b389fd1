import CYAML

/// One libyaml event with its payload copied into Swift values.
enum YAMLEvent: Equatable {
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

/// Which reader turns a document into events.
enum YAMLReaderChoice: Sendable {
    /// `BlockYAMLScanner` when the document is in its subset, else libyaml: the same events either way.
    case fastWhenPossible
    /// libyaml only (the differential tests compare the two).
    case libyamlOnly
    /// `BlockYAMLScanner` when possible, but every number entry read event by event, without
    /// `ScannedNumberEntry`'s shortcut (the differential tests compare the two).
    case fastWithoutEntryShortcut
}

/// Pulls events from an in-memory document: those `BlockYAMLScanner` read at once when the document
/// is in its subset, else libyaml's, one at a time.
///
/// A class, because libyaml keeps pointers into the parser structure and the input buffer: both must
/// stay at one address until the parser is deleted.
final class YAMLEventReader {
    let file: String
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var isReady = false
    /// The document as `BlockYAMLScanner` read it, and the bytes its events point into.
    private let scanned: ScannedDocument
    private let scannedBytes: [UInt8]
    /// The index of the next event of `scanned`; the number entries' fast path reads the tape
    /// directly and moves this past what it took.
    var nextScanned = 0
    /// True when the events come from `BlockYAMLScanner`.
    let isScanned: Bool

    init(bytes: [UInt8], file: String, reader: YAMLReaderChoice = .fastWhenPossible) {
        self.file = file
        if reader != .libyamlOnly, let document = BlockYAMLScanner.scan(bytes) {
            scanned = document
            scannedBytes = bytes
            isScanned = true
            input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1)
            return
        }
        scanned = ScannedDocument()
        scannedBytes = []
        isScanned = false
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

    /// Calls `body` with the scanned tape, the bytes its ranges point into and the unescaped texts;
    /// nil when the events come from libyaml.
    func withScannedTape<Result>(_ body: (UnsafeBufferPointer<ScannedEvent>, UnsafeBufferPointer<UInt8>, [String]) -> Result?) -> Result? {
        guard isScanned else { return nil }
        return scanned.tape.withUnsafeBufferPointer { tape in
            scannedBytes.withUnsafeBufferPointer { bytes in body(tape, bytes, scanned.unescaped) }
        }
    }

    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    func next() throws -> YAMLEvent {
        if isScanned {
            nextScanned += 1
            return scanned.event(nextScanned - 1, bytes: scannedBytes, file: file)
        }
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
