/// One event as `BlockYAMLScanner` records it: plain numbers, so that the tape of a whole file costs
/// no allocation per event and nothing to release. `YAMLEventReader` makes the `YAMLEvent` (text and
/// location) only when the event is read.
struct ScannedEvent {
    enum Kind: UInt8 {
        case streamStart, streamEnd, documentStart, documentEnd
        /// Text is `start..<end` of the input.
        case plainScalar, quotedScalar
        /// Text is `ScannedDocument.unescaped[start]`.
        case unescapedScalar
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    /// A 1-based line and column, as libyaml's marks give them plus one.
    struct Place {
        var line: Int32
        var column: Int32
    }

    var kind: Kind
    var line: Int32
    var column: Int32
    var start: Int
    var end: Int

    init(kind: Kind, line: Int32, column: Int32, start: Int, end: Int) {
        self.kind = kind
        self.line = line
        self.column = column
        self.start = start
        self.end = end
    }

    var place: Place { Place(line: line, column: column) }
}

/// A whole file read by `BlockYAMLScanner`: its events in order, and the texts of quoted scalars that
/// had escapes (the others are ranges of the input).
struct ScannedDocument {
    var tape: [ScannedEvent] = []
    var unescaped: [String] = []

    /// Event `index` as a `YAMLEvent`; `bytes` must be the input that was scanned.
    func event(_ index: Int, bytes: [UInt8], file: String) -> YAMLEvent {
        guard tape.indices.contains(index) else { return .streamEnd }
        let scanned = tape[index]
        let location = SourceLocation(file: file, line: Int(scanned.line), column: Int(scanned.column))
        switch scanned.kind {
        case .streamStart: return .streamStart
        case .streamEnd: return .streamEnd
        case .documentStart: return .documentStart(location)
        case .documentEnd: return .documentEnd
        case .plainScalar, .quotedScalar:
            let text = bytes.withUnsafeBufferPointer { buffer in
                let range = max(0, scanned.start)..<min(buffer.count, max(scanned.start, scanned.end))
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            }
            return .scalar(YAMLScalar(text: text, isPlain: scanned.kind == .plainScalar, location: location), anchor: nil)
        case .unescapedScalar:
            let text = unescaped.indices.contains(scanned.start) ? unescaped[scanned.start] : ""
            return .scalar(YAMLScalar(text: text, isPlain: false, location: location), anchor: nil)
        case .sequenceStart: return .sequenceStart(location, anchor: nil)
        case .sequenceEnd: return .sequenceEnd
        case .mappingStart: return .mappingStart(location, anchor: nil)
        case .mappingEnd: return .mappingEnd
        }
    }
}
