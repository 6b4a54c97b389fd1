/// JSON string and integer text as `JSONEncoder` writes them (public for writers that bypass
/// `Encodable`, such as the report's `JSONReportWriter`).
public enum JSONBytesEscaping {
    @usableFromInline static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// Two spaces per nesting level, as `JSONEncoder`'s pretty printing indents a line.
    @inlinable public static func appendIndent(level: Int, to output: inout [UInt8]) {
        var remaining = level * 2
        while remaining > 0 {
            let run = min(remaining, spaces.count)
            output.append(contentsOf: spaces[0..<run])
            remaining -= run
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `"` and `\` escaped, `/` when asked, control characters as `\b \f \n \r \t` or `\u00xx`;
    /// every other byte (DEL, all of non-ASCII) as it is.
    public static func appendQuoted(_ value: String, to bytes: inout [UInt8], escapesSlashes: Bool) {
        var value = value
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var mark = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                        || (byte == UInt8(ascii: "/") && escapesSlashes) else { continue }
                if index > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<index])) }
                appendEscape(of: byte, to: &bytes)
                mark = index + 1
            }
            if utf8.count > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
        default:
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                      hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
    }
}

public enum JSONBytesNumbers {
    /// The decimal digits of `value` (its `description`), without making a `String`.
    static func appendInteger<Integer: FixedWidthInteger>(_ value: Integer, to bytes: inout [UInt8]) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // 40 digits hold any 128-bit magnitude.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var magnitude = value.magnitude
            var start = 40
            while magnitude != 0 {
                let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 10)
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remainder)
                magnitude = quotient
            }
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<40]))
        }
    }

    /// `description`, less a trailing `.0`; false, and nothing written, for NaN and infinities
    /// (which JSON cannot hold).
    public static func appendFloatingPoint<Float: BinaryFloatingPoint & CustomStringConvertible>(_ value: Float, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        return true
    }
}
