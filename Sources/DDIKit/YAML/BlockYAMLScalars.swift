/// The scalars of `BlockYAMLScanner`'s subset: one line each, read as libyaml reads them.
extension BlockYAMLScanner {
    /// Characters that may not begin a plain scalar (YAML 1.1 indicators). `-` may, when no blank
    /// follows it (`-5`); `?x` and `:x` are left to libyaml, whose versions disagree about them.
    private static let indicators: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "-?:,[]{}#&*!|>'\"%@`".utf8 { table[Int(byte)] = true }
        table[0] = true
        table[Int(UInt8.space)] = true
        table[Int(UInt8.newline)] = true
        return table
    }()

    /// A scalar at `position`, not yet on the tape; afterwards `position` is past it and the blanks
    /// that follow it. Its text is a range of the input, or for quoted text with escapes or `''` an
    /// entry of the document's table of unescaped texts.
    mutating func scalar(inFlow: Bool) throws -> PendingScalar {
        let start = position
        var scalar: ScannedEvent
        switch at(start) {
        case .singleQuote:
            scalar = try singleQuoted()
        case .doubleQuote:
            scalar = try doubleQuoted()
        default:
            let first = at(start)
            let startsPlain = !Self.indicators[Int(first)] || (first == .dash && !inFlow && !Self.isBlank(at(start + 1)))
            guard startsPlain else { throw GiveUp() }
            scalar = ScannedEvent(kind: .plainScalar, line: 0, column: 0, start: start, end: plainEnd(inFlow: inFlow))
        }
        let place = location(start)
        scalar.line = place.line
        scalar.column = place.column
        while at(position) == .space { position += 1 }
        return PendingScalar(event: scalar, origin: start)
    }

    /// Quoted text: a range of the input when nothing was unescaped, else a new table entry.
    private mutating func quoted(_ segment: Range<Int>, unescaped: [UInt8]?) -> ScannedEvent {
        guard var text = unescaped else {
            return ScannedEvent(kind: .quotedScalar, line: 0, column: 0, start: segment.lowerBound, end: segment.upperBound)
        }
        text += UnsafeBufferPointer(rebasing: bytes[segment])
        document.unescaped.append(String(decoding: text, as: UTF8.self))
        let index = document.unescaped.count - 1
        return ScannedEvent(kind: .unescapedScalar, line: 0, column: 0, start: index, end: index)
    }

    /// Runs of non-blanks joined by the spaces between them, up to the end of the line, a comment,
    /// a `:` before a blank, and in a flow collection any of `,[]{}`. Leaves `position` at the end of
    /// the text (trailing blanks are not part of it).
    private mutating func plainEnd(inFlow: Bool) -> Int {
        var end = position
        var index = position
        scan: while true {
            while true {
                // Most bytes of a plain scalar can end nothing: pass them with one test each (the
                // scanner's largest cost, README "Performance"); the others get the checks below.
                while index < bytes.count {
                    let byte = bytes[index]
                    guard byte > .space, byte != .colon, !(inFlow && Self.isFlowIndicator(byte)) else { break }
                    index += 1
                }
                let byte = at(index)
                if byte == .space || byte == .newline || byte == 0 { break }
                if byte == .colon && Self.isBlank(at(index + 1)) { break }
                if inFlow && Self.isFlowIndicator(byte) { break }
                index += 1
            }
            end = index
            guard at(index) == .space else { break scan }
            var next = index
            while at(next) == .space { next += 1 }
            let byte = at(next)
            if byte == .hash || byte == .newline || byte == 0 { break scan }
            if byte == .colon && Self.isBlank(at(next + 1)) { break scan }
            if inFlow && Self.isFlowIndicator(byte) { break scan }
            index = next
        }
        position = end
        return end
    }

    /// In a flow collection a `:` before a non-blank is read differently by libyaml's versions: this
    /// scanner treats it as the end of the scalar, which its callers then refuse.
    private static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == .comma || byte == .openBracket || byte == .closeBracket || byte == .openBrace || byte == .closeBrace
            || byte == .colon
    }

    /// `'...'` on one line, `''` standing for one quote.
    private mutating func singleQuoted() throws -> ScannedEvent {
        var index = position + 1
        var segment = index
        var unescaped: [UInt8]?
        while true {
            let byte = at(index)
            if byte == 0 || byte == .newline { throw GiveUp() }
            if byte == .singleQuote {
                guard at(index + 1) == .singleQuote else { break }
                unescaped = (unescaped ?? []) + UnsafeBufferPointer(rebasing: bytes[segment...index])
                index += 2
                segment = index
                continue
            }
            index += 1
        }
        position = index + 1
        return quoted(segment..<index, unescaped: unescaped)
    }

    /// `"..."` on one line with YAML's escapes; an escaped line break, an unknown escape or a code
    /// that is no character is left to libyaml (an error there).
    private mutating func doubleQuoted() throws -> ScannedEvent {
        var index = position + 1
        var segment = index
        var unescaped: [UInt8]?
        while true {
            let byte = at(index)
            if byte == 0 || byte == .newline { throw GiveUp() }
            if byte == .doubleQuote { break }
            guard byte == .backslash else {
                index += 1
                continue
            }
            var text = (unescaped ?? []) + UnsafeBufferPointer(rebasing: bytes[segment..<index])
            let code = at(index + 1)
            var digits = 0
            switch code {
            case UInt8(ascii: "0"): text.append(0)
            case UInt8(ascii: "a"): text.append(0x07)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "v"): text.append(0x0B)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "e"): text.append(0x1B)
            case .space, .doubleQuote, UInt8(ascii: "/"), .backslash: text.append(code)
            case UInt8(ascii: "N"): text += [0xC2, 0x85]
            case UInt8(ascii: "_"): text += [0xC2, 0xA0]
            case UInt8(ascii: "L"): text += [0xE2, 0x80, 0xA8]
            case UInt8(ascii: "P"): text += [0xE2, 0x80, 0xA9]
            case UInt8(ascii: "x"): digits = 2
            case UInt8(ascii: "u"): digits = 4
            case UInt8(ascii: "U"): digits = 8
            default: throw GiveUp()
            }
            index += 2
            if digits > 0 {
                var value: UInt32 = 0
                for _ in 0..<digits {
                    guard let digit = Self.hexValue(at(index)) else { throw GiveUp() }
                    value = value << 4 | digit
                    index += 1
                }
                guard let scalar = Unicode.Scalar(value) else { throw GiveUp() }
                text += Array(String(Character(scalar)).utf8)
            }
            unescaped = text
            segment = index
        }
        position = index + 1
        return quoted(segment..<index, unescaped: unescaped)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Whether the file is all ASCII, or nil when it holds a character the subset leaves to libyaml:
    /// a control character (tab and carriage return included), DEL, malformed UTF-8, or a character
    /// libyaml treats as a line break or byte order mark (`YAMLQuoting.isPrintable`).
    static func checkedCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var isASCII = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if (byte >= 0x20 && byte < 0x7F) || byte == .newline {
                index += 1
                continue
            }
            guard byte >= 0xC2, byte <= 0xF4 else { return nil }
            isASCII = false
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= count else { return nil }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let continuation = bytes[index + offset]
                guard continuation & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            guard value >= shortest, let scalar = Unicode.Scalar(value), YAMLQuoting.isPrintable(scalar) else { return nil }
            index += length
        }
        return isASCII
    }
}
