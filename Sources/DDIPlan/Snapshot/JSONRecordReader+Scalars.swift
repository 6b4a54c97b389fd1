/// Keys, strings, numbers and literals of `JSONRecordReader`, and its access to the text.
extension JSONRecordReader {
    // MARK: keys

    struct Key {
        var field: Field?
        /// True for `@odata.…` keys: they make a wrapper object a Graph page.
        var isOData: Bool
    }

    /// Keys are matched case-insensitively by a hash of their lowercased bytes, so that the common
    /// case (an unescaped ASCII key) allocates nothing.
    mutating func readKey() throws(JSONSyntaxError) -> Key {
        guard peek(UInt8(ascii: "\"")) else { throw fail("expected a key in double quotes") }
        let start = position + 1
        var end = start
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while has(end), byte(end) != UInt8(ascii: "\""), byte(end) != UInt8(ascii: "\\") {
            hash = (hash ^ UInt64(Self.lower(byte(end)))) &* 0x100_0000_01b3
            end += 1
        }
        if has(end), byte(end) == UInt8(ascii: "\"") {
            position = end + 1
            let slice = slice(start, end)
            return Key(field: Self.keyTable.field(hash: hash, key: slice), isOData: slice.starts(with: Self.odataPrefix))
        }
        let text = try readString()
        return Key(field: Field.byKey[text.lowercased()], isOData: text.hasPrefix("@odata."))
    }

    private static let odataPrefix = Array("@odata.".utf8)

    /// The known keys by the FNV-1a hash of their lowercased bytes, in an open-addressing table:
    /// looking a key up hashes nothing twice (a `Dictionary` would hash the hash again).
    struct KeyTable: Sendable {
        private var slots: [(hash: UInt64, key: [UInt8], field: Field)?]
        private let mask: Int

        init(_ keys: [(String, Field)]) {
            var size = 16
            while size < keys.count * 4 { size *= 2 }
            mask = size - 1
            slots = Array(repeating: nil, count: size)
            for (key, field) in keys {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index] != nil { index = (index + 1) & mask }
                slots[index] = (hash, Array(key.utf8), field)
            }
        }

        /// The field named by `key` (compared without regard to ASCII case), nil for any other key.
        func field(hash: UInt64, key: UnsafeBufferPointer<UInt8>) -> Field? {
            var index = Int(truncatingIfNeeded: hash) & mask
            while let slot = slots[index] {
                if slot.hash == hash, slot.key.count == key.count,
                   zip(slot.key, key).allSatisfy({ $0 == JSONRecordReader.lower($1) }) {
                    return slot.field
                }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    private static let keyTable = KeyTable(Field.allCases.flatMap { field in field.keys.map { ($0, field) } })

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    // MARK: strings, numbers, literals

    mutating func readString() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        while has(position) {
            let current = byte(position)
            if current == UInt8(ascii: "\"") {
                let text = String(decoding: slice(start, position), as: UTF8.self)
                position += 1
                return text
            }
            if current == UInt8(ascii: "\\") { break }
            if current < 0x20 { throw fail("a control character inside a string (a string must end on its line)") }
            position += 1
        }
        var bytes = Array(slice(start, position))
        while has(position) {
            let current = byte(position)
            switch current {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard has(position) else { break }
                let escape = byte(position)
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
                       has(position + 1), byte(position + 1) == UInt8(ascii: "u") {
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
                if current < 0x20 { throw fail("a control character inside a string (a string must end on its line)") }
                bytes.append(current)
                position += 1
            }
        }
        throw fail("the file ends inside a string")
    }

    mutating func skipString() throws(JSONSyntaxError) {
        position += 1
        while has(position) {
            let current = byte(position)
            if current == UInt8(ascii: "\"") { position += 1; return }
            if current == UInt8(ascii: "\\") { position += 2; continue }
            if current < 0x20 { throw fail("a control character inside a string (a string must end on its line)") }
            position += 1
        }
        throw fail("the file ends inside a string")
    }

    mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard has(position + 3) else { throw fail("the file ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let current = byte(position)
            let digit: UInt32
            switch current {
            case 48...57: digit = UInt32(current - 48)
            case 65...70: digit = UInt32(current - 55)
            case 97...102: digit = UInt32(current - 87)
            default: throw fail("invalid \\u escape")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    mutating func readNumber() throws(JSONSyntaxError) -> String {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        var digits = 0
        while has(position) {
            let current = byte(position)
            if (48...57).contains(current) {
                digits += 1
            } else if current != UInt8(ascii: ".") && current != UInt8(ascii: "e") && current != UInt8(ascii: "E")
                        && current != UInt8(ascii: "+") && current != UInt8(ascii: "-") {
                break
            }
            position += 1
        }
        guard digits > 0 else {
            position = start
            throw fail(has(position) ? "unexpected character '\(Character(Unicode.Scalar(byte(position))))'" : "the file ends in the middle of a value")
        }
        return String(decoding: slice(start, position), as: UTF8.self)
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard has(position + count - 1) else { throw fail("the file ends in the middle of a value") }
        for index in 0..<count where byte(position + index) != word.utf8Start[index] {
            throw fail("unexpected text (expected \(word))")
        }
        position += count
    }

    // MARK: helpers

    mutating func peek(_ expected: UInt8) -> Bool { has(position) && byte(position) == expected }

    /// True when the text has a byte at `index`, reading more of a stream when needed.
    @inline(__always) mutating func has(_ index: Int) -> Bool { index < limit || refill(through: index) }

    /// The byte at `index`, which `has` said is there.
    @inline(__always) func byte(_ index: Int) -> UInt8 { window[index - base] }

    /// The bytes `start..<end`, all within the window (both lie in the record being read).
    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: window[(start - base)..<(end - base)])
    }

    @inline(never) mutating func refill(through index: Int) -> Bool {
        guard let stream else { return false }
        // The stream may have moved its bytes even when the file ended first: take the new window.
        _ = stream.refill(keepingFrom: mark, through: index)
        window = stream.window
        base = stream.base
        limit = base + window.count
        return index < limit
    }

    mutating func expect(_ expected: UInt8) throws(JSONSyntaxError) {
        guard has(position) else { throw fail("the file ends early (truncated?): expected '\(Character(Unicode.Scalar(expected)))'") }
        guard byte(position) == expected else {
            throw fail("expected '\(Character(Unicode.Scalar(expected)))', found '\(Character(Unicode.Scalar(byte(position))))'")
        }
        position += 1
    }

    /// Counts lines as it skips whitespace, so records know their line without a second pass.
    mutating func skipWhitespace() {
        repeat {
            // The window is scanned directly; `has` is asked only at its end (pretty-printed
            // exports are half indentation).
            while position < limit {
                switch window[position - base] {
                case 10: line += 1; position += 1
                case 32, 9, 13: position += 1
                default: return
                }
            }
        } while has(position)
    }

    func fail(_ message: String) -> JSONSyntaxError { JSONSyntaxError(line: line, message: message) }
}
