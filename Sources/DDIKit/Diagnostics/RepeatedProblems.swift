/// A run of problems that differ only in the record, number or id they name buries its cause: an
/// import given only the numbers file printed 57 errors that said the same thing, and an export with
/// numeric enums 478 lines for 239 records. The first problem of each shape is printed in full, where
/// it stood; the rest of that shape become one line with their count and the first few they name.
public enum RepeatedProblems {
    /// A shape seen this often or less is printed in full: a handful of problems reads better whole.
    public static let printedWhole = 3
    /// How many of the summarised problems' subjects (numbers, records) the summary line names.
    public static let namedInSummary = 3

    /// `messages` in their order, each prefixed with `prefix`; a shape that repeats more than
    /// `printedWhole` times keeps its first message, followed right after it by an indented
    /// "and N more like it" line. Messages must already be escaped for where they go.
    public static func lines(_ messages: [String], prefix: String = "") -> [String] {
        var shapes: [String: [Int]] = [:]
        var order: [String] = []
        for (index, message) in messages.enumerated() {
            let key = shape(of: message)
            if shapes[key] == nil { order.append(key) }
            shapes[key, default: []].append(index)
        }
        var summaryAfter: [Int: String] = [:]
        var hidden = Set<Int>()
        for key in order {
            guard let indexes = shapes[key], indexes.count > printedWhole, let first = indexes.first else { continue }
            let rest = Array(indexes.dropFirst())
            hidden.formUnion(rest)
            summaryAfter[first] = summary(of: rest.map { messages[$0] }, like: messages[first], indent: String(repeating: " ", count: prefix.count))
        }
        var output: [String] = []
        for (index, message) in messages.enumerated() where !hidden.contains(index) {
            output.append(prefix + message)
            if let summary = summaryAfter[index] { output.append(summary) }
        }
        return output
    }

    /// The message with every word that holds a digit (a number, a record or line index, an object
    /// id) replaced by `#`: two messages of one shape say the same thing about different subjects.
    public static func shape(of message: String) -> String {
        message.split(separator: " ", omittingEmptySubsequences: false)
            .map { word in word.contains(where: \.isNumber) ? "#" : String(word) }
            .joined(separator: " ")
    }

    private static func summary(of rest: [String], like first: String, indent: String) -> String {
        let firstWords = first.split(separator: " ", omittingEmptySubsequences: false)
        let subjects = rest.prefix(namedInSummary).compactMap { subject(of: $0, differingFrom: firstWords) }
        var text = "\(indent)and \(rest.count) more like it"
        if !subjects.isEmpty {
            text += " (" + subjects.joined(separator: ", ") + (rest.count > subjects.count ? ", ..." : "") + ")"
        }
        return text
    }

    /// What a repeated message is about: its first word that differs from the first message's,
    /// preferring a phone number (`+4533121001`), without the punctuation around it.
    private static func subject(of message: String, differingFrom firstWords: [Substring]) -> String? {
        let words = message.split(separator: " ", omittingEmptySubsequences: false)
        let differing = words.indices.filter { $0 >= firstWords.count || words[$0] != firstWords[$0] }.map { trimmed(words[$0]) }
        return differing.first { $0.hasPrefix("+") } ?? differing.first { !$0.isEmpty }
    }

    private static func trimmed(_ word: Substring) -> String {
        var text = word.drop { "([{".contains($0) }
        while let last = text.last, ")]},:;.".contains(last) { text = text.dropLast() }
        return String(text)
    }
}
