/// An E.164 number, optionally with a Direct Routing extension (`+4533121000;ext=12`).
///
/// The digits are kept as an integer plus their count, so that the numbers of a range are consecutive
/// integers and spans can be compared and swept as intervals without materialising them.
public struct PhoneNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let maximumDigits = 15
    public static let maximumExtensionDigits = 10

    public let value: UInt64
    public let digitCount: Int
    public let phoneExtension: String?

    public init(value: UInt64, digitCount: Int, phoneExtension: String? = nil) {
        self.value = value
        self.digitCount = digitCount
        self.phoneExtension = phoneExtension
    }

    /// Digits without the `+`.
    public var digits: String {
        let text = String(value)
        return String(repeating: "0", count: max(0, digitCount - text.count)) + text
    }

    /// `+digits` without the extension.
    public var e164: String { "+" + digits }

    public var description: String {
        guard let phoneExtension else { return e164 }
        return "\(e164);ext=\(phoneExtension)"
    }

    /// A single integer that orders numbers by length, then value: consecutive numbers of one length are
    /// consecutive keys, so spans become integer intervals.
    public var key: UInt64 { UInt64(digitCount) * 10_000_000_000_000_000 + value }

    public func withoutExtension() -> PhoneNumber { PhoneNumber(value: value, digitCount: digitCount) }

    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool {
        if lhs.key != rhs.key { return lhs.key < rhs.key }
        return (lhs.phoneExtension ?? "") < (rhs.phoneExtension ?? "")
    }

    /// Parses `+DIGITS` or `+DIGITS;ext=DIGITS`, explaining what is wrong otherwise.
    public static func parse(_ text: Substring) -> Result<PhoneNumber, NumberShapeError> {
        var base = text
        var phoneExtension: String?
        if let semicolon = text.utf8.firstIndex(of: UInt8(ascii: ";")) {
            base = text[..<semicolon]
            let marker = text[semicolon...]
            guard marker.hasPrefix(";ext=") else {
                return .failure(NumberShapeError("\(text) is not an E.164 number: only ;ext=DIGITS may follow the number"))
            }
            let digits = marker.dropFirst(5)
            // Digits are checked first so that counting them is counting bytes (counting characters
            // was a visible share of loading, README "Performance"); the verdict is the same.
            guard !digits.isEmpty, digits.utf8.allSatisfy(isDigit), digits.utf8.count <= maximumExtensionDigits else {
                return .failure(NumberShapeError("\(text) has an invalid extension: ;ext= takes 1 to \(maximumExtensionDigits) digits"))
            }
            phoneExtension = String(digits)
        }
        guard base.first == "+" else {
            return .failure(NumberShapeError("\(text) is not an E.164 number: it must start with +"))
        }
        let digits = base.dropFirst()
        guard !digits.isEmpty, digits.utf8.allSatisfy(isDigit) else {
            return .failure(NumberShapeError("\(text) is not an E.164 number: only digits may follow +"))
        }
        // Only ASCII digits from here on: bytes are characters.
        guard digits.utf8.count <= maximumDigits else {
            return .failure(NumberShapeError("\(text) is not an E.164 number: \(digits.utf8.count) digits, at most \(maximumDigits) allowed"))
        }
        guard digits.utf8.first != UInt8(ascii: "0") else {
            return .failure(NumberShapeError("\(text) is not an E.164 number: a country code never starts with 0"))
        }
        var value: UInt64 = 0
        for byte in digits.utf8 { value = value * 10 + UInt64(byte - 48) }
        return .success(PhoneNumber(value: value, digitCount: digits.utf8.count, phoneExtension: phoneExtension))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

public struct NumberShapeError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var slice = self
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
