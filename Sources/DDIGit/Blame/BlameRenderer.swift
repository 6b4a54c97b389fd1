import DDIKit
import Foundation

/// Formats `ddi blame` output.
public enum BlameRenderer {
    public static func text(_ lines: [BlameLine]) -> String {
        let authorWidth = min(24, lines.map(\.author.name.count).max() ?? 0)
        let entryWidth = min(28, lines.compactMap { $0.entry?.count }.max() ?? 0)
        let numberWidth = String(lines.last?.number ?? 0).count
        var output = ""
        for line in lines {
            // The author's name, the entry's key and the line itself are text from the repository.
            let author = TextEscaping.terminal(String(line.author.name.prefix(authorWidth))).padding(toLength: authorWidth, withPad: " ", startingAt: 0)
            let entryText = TextEscaping.terminal(line.entry ?? "")
            let entry = entryText.padding(toLength: max(entryWidth, entryText.count), withPad: " ", startingAt: 0)
            let number = String(repeating: " ", count: max(0, numberWidth - String(line.number).count)) + String(line.number)
            output += "\(line.commit.short(10)) \(line.author.day) \(author) \(number) \(entry) | \(TextEscaping.terminal(line.text))\n"
        }
        return output
    }

    public static func json(_ lines: [BlameLine]) throws(OutputError) -> String {
        struct Line: Encodable {
            var line: Int
            var commit: String
            var author: String
            var email: String
            var date: String
            var summary: String
            var entry: String?
            var text: String
        }
        return try JSONOutput.encode(lines.map {
            Line(line: $0.number, commit: $0.commit.hex, author: $0.author.name, email: $0.author.email, date: $0.author.isoDate, summary: $0.summary, entry: $0.entry, text: $0.text)
        })
    }
}
