/// Text rules for git commit messages: one value can never start a line, a paragraph or a trailer of
/// its own, and lines keep to the conventional width.
enum CommitMessageText {
    /// Width of body lines; git's own documentation and `git log` in an 80-column terminal (with its
    /// four-space indent) assume about this much.
    static let bodyWidth = 72

    /// One line: control characters (newline included), line and paragraph separators and
    /// bidirectional overrides become visible `\n` / `\u{...}` escapes, surrounding spaces go.
    static func oneLine(_ value: String) -> String {
        trimmed(TextEscaping.terminal(value))
    }

    /// `line` folded at spaces into lines of at most `width` characters; continuation lines start
    /// with two spaces, so a folded part can never look like a trailer (`Token: value`) or a comment.
    static func fold(_ line: String, width: Int = bodyWidth) -> [String] {
        guard line.count > width else { return [line] }
        var lines: [String] = []
        var current = ""
        var limit = width
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            let separator = current.isEmpty || current == "  " ? "" : " "
            if current.count + separator.count + word.count <= limit {
                current += separator + word
                continue
            }
            if !current.isEmpty && current != "  " {
                lines.append(current)
                current = "  "
                limit = width
            }
            // A word longer than a whole line is cut.
            while current.count + word.count > limit {
                let room = limit - current.count
                lines.append(current + word.prefix(room))
                word = word.dropFirst(room)
                current = "  "
            }
            current += word
        }
        if !current.isEmpty && current != "  " { lines.append(current) }
        return lines
    }

    static func trimmed(_ value: String) -> String {
        var text = Substring(value)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// Free text written by a person (`ddi commit -m`): its own lines kept, every line escaped, blank
    /// runs collapsed, and a line that git would read as the end of the message (`---`) indented.
    static func paragraphs(_ text: String) -> String? {
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = TextEscaping.terminal(String(raw.hasSuffix("\r") ? raw.dropLast() : raw))
            while line.last == " " { line.removeLast() }
            if line.hasPrefix("---") || line.hasPrefix("#") { line = " " + line }
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
