/// The git trailers that name what a commit changed: `Number: +4533121047` for every changed number
/// or block, `Range: ID` for every changed range and `Routing: ID` for every changed routing entry.
///
/// They are the last paragraph of the message, one `Key: value` per line, which is what
/// `git interpret-trailers`, `git log --format=%(trailers)` and hosting services read.
public struct CommitTrailers: Hashable, Sendable {
    public static let numberKey = "Number"
    public static let rangeKey = "Range"
    public static let routingKey = "Routing"

    /// Changed numbers and blocks, canonical (`+4533121047`, `+4533121100..+4533121149`), in diff order.
    public var numbers: [String]
    public var ranges: [String]
    public var routing: [String]

    public init(numbers: [String] = [], ranges: [String] = [], routing: [String] = []) {
        self.numbers = numbers
        self.ranges = ranges
        self.routing = routing
    }

    /// The trailers a commit making `diff` carries.
    public init(for diff: InventoryDiff) {
        self.init(
            numbers: Self.unique(diff.numbers.map(\.subject)),
            ranges: Self.unique(diff.ranges.map(\.id)),
            routing: Self.unique(diff.routing.map(\.id))
        )
    }

    public var isEmpty: Bool { numbers.isEmpty && ranges.isEmpty && routing.isEmpty }

    /// `Key: value` lines; values are escaped to one line, so none can add a trailer of its own.
    public var lines: [String] {
        numbers.map { "\(Self.numberKey): \(CommitMessageText.oneLine($0))" }
            + ranges.map { "\(Self.rangeKey): \(CommitMessageText.oneLine($0))" }
            + routing.map { "\(Self.routingKey): \(CommitMessageText.oneLine($0))" }
    }

    /// The `Number`, `Range` and `Routing` trailers of a commit message: the lines of its last
    /// paragraph, keys compared case-insensitively as git does. Values are compared as written in
    /// the message, escaped as `lines` escapes them.
    public init(parsing message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        var end = lines.count
        while end > 0 && lines[end - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { end -= 1 }
        var start = end
        while start > 0 && !lines[start - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { start -= 1 }
        // The subject alone is never a trailer block.
        guard start > 0 else {
            self.init()
            return
        }
        var parsed = CommitTrailers()
        for line in lines[start..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = CommitMessageText.trimmed(String(line[..<colon])).lowercased()
            let value = CommitMessageText.trimmed(String(line[line.index(after: colon)...]))
            guard !value.isEmpty else { continue }
            switch key {
            case Self.numberKey.lowercased(): parsed.numbers.append(value)
            case Self.rangeKey.lowercased(): parsed.ranges.append(value)
            case Self.routingKey.lowercased(): parsed.routing.append(value)
            default: continue
            }
        }
        self = parsed
    }

    /// What `required` names that these trailers do not.
    public func missing(from required: CommitTrailers) -> CommitTrailers {
        let escapedNumbers = Set(numbers), escapedRanges = Set(ranges), escapedRouting = Set(routing)
        return CommitTrailers(
            numbers: required.numbers.filter { !escapedNumbers.contains(CommitMessageText.oneLine($0)) },
            ranges: required.ranges.filter { !escapedRanges.contains(CommitMessageText.oneLine($0)) },
            routing: required.routing.filter { !escapedRouting.contains(CommitMessageText.oneLine($0)) }
        )
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
