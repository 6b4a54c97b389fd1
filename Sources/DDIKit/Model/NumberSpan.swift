/// A contiguous run of numbers of one length, `first...last` inclusive (a single number is a span of one).
public struct NumberSpan: Hashable, Sendable, CustomStringConvertible {
    public let first: PhoneNumber
    public let last: PhoneNumber

    public init(single number: PhoneNumber) {
        first = number
        last = number
    }

    public init(first: PhoneNumber, last: PhoneNumber) {
        self.first = first
        self.last = last
    }

    public var isSingle: Bool { first == last }
    public var count: UInt64 { last.value - first.value + 1 }
    public var lowerKey: UInt64 { first.key }
    public var upperKey: UInt64 { last.key }

    public func contains(_ other: NumberSpan) -> Bool { lowerKey <= other.lowerKey && other.upperKey <= upperKey }
    public func overlaps(_ other: NumberSpan) -> Bool { lowerKey <= other.upperKey && other.lowerKey <= upperKey }

    public var description: String { isSingle ? first.description : "\(first)..\(last)" }

    /// Parses `A..B`: two numbers of the same length, without extensions, `A <= B`.
    public static func parseBlock(_ text: Substring) -> Result<NumberSpan, NumberShapeError> {
        let bytes = text.utf8
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.index(after: dot) < bytes.endIndex,
              bytes[bytes.index(after: dot)] == UInt8(ascii: ".") else {
            return .failure(NumberShapeError("\(text) is not a block: write FIRST..LAST, e.g. +4533121000..+4533121999"))
        }
        let firstText = text[..<dot].trimmingSpaces()
        let lastText = text[bytes.index(dot, offsetBy: 2)...].trimmingSpaces()
        let first: PhoneNumber
        let last: PhoneNumber
        switch PhoneNumber.parse(firstText) {
        case .success(let number): first = number
        case .failure(let error): return .failure(error)
        }
        switch PhoneNumber.parse(lastText) {
        case .success(let number): last = number
        case .failure(let error): return .failure(error)
        }
        guard first.phoneExtension == nil, last.phoneExtension == nil else {
            return .failure(NumberShapeError("block \(text) cannot use ;ext=: declare extensions one by one"))
        }
        guard first.digitCount == last.digitCount else {
            return .failure(NumberShapeError("block \(text) mixes numbers of \(first.digitCount) and \(last.digitCount) digits"))
        }
        guard first.value <= last.value else {
            return .failure(NumberShapeError("block \(text) ends before it starts"))
        }
        return .success(NumberSpan(first: first, last: last))
    }
}
