/// Colours the markers and severities of text ddi has already rendered and escaped. Escaping comes
/// first, colour after: the renderers turn every control character of a value into visible text, so
/// the only escape sequences in the output are the ones added here, and only at places ddi's own
/// layout puts a marker (never inside a value, whatever the value says).
struct Painter {
    let enabled: Bool

    enum Tone {
        case added, changed, removed, error, warning, info

        /// The SGR parameters: green, yellow, red, bold red, yellow (bold), cyan.
        var code: String {
            switch self {
            case .added: "32"
            case .changed: "33"
            case .removed: "31"
            case .error: "1;31"
            case .warning: "1;33"
            case .info: "36"
            }
        }
    }

    static let reset = "\u{1B}[0m"

    func paint(_ text: String, _ tone: Tone) -> String {
        enabled ? "\u{1B}[\(tone.code)m" + text + Self.reset : text
    }

    /// `ddi plan`'s text: the action lines (`  + assign`), their field lines (`      ~ tags:`) and the
    /// findings (`  ! error`).
    func planText(_ text: String) -> String {
        guard enabled else { return text }
        return eachLine(text) { line in
            for (marker, tone) in [("  + ", Tone.added), ("  ~ ", .changed), ("  - ", .removed), ("  ± ", .changed)] {
                if line.hasPrefix(marker) {
                    let word = line.dropFirst(marker.count).prefix { $0 != " " }
                    return "  " + paint(String(marker.dropFirst(2)) + word, tone) + line.dropFirst(marker.count + word.count)
                }
                if line.hasPrefix("    " + marker) {
                    return "      " + paint(String(marker.dropFirst(2).dropLast()), tone) + line.dropFirst(marker.count + 3)
                }
            }
            for (severity, tone) in [("error", Tone.error), ("warning", .warning), ("info", .info)] where line.hasPrefix("  ! \(severity) ") {
                return "  " + paint("! \(severity)", tone) + line.dropFirst(4 + severity.count)
            }
            return line
        }
    }

    /// `ddi validate`'s text: `FILE:LINE:COLUMN: error[DDI003]: ...`, the severity coloured.
    func diagnostics(_ text: String) -> String {
        guard enabled else { return text }
        return eachLine(text) { line in
            // The first severity after the location; the message after it may quote another.
            let found = [("error", Tone.error), ("warning", .warning), ("info", .info)]
                .compactMap { severity, tone in line.range(of: ": \(severity)[").map { ($0, tone) } }
                .min { $0.0.lowerBound < $1.0.lowerBound }
            guard let (range, tone) = found else { return line }
            let word = line.index(range.lowerBound, offsetBy: 2)..<line.index(before: range.upperBound)
            return String(line[..<word.lowerBound]) + paint(String(line[word]), tone) + line[word.upperBound...]
        }
    }

    /// A unified diff (`--dry-run`): added lines green, removed lines red, headers as they are.
    func unifiedDiff(_ text: String) -> String {
        guard enabled else { return text }
        return eachLine(text) { line in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return line }
            if line.hasPrefix("+") { return paint(line, .added) }
            if line.hasPrefix("-") { return paint(line, .removed) }
            return line
        }
    }

    private func eachLine(_ text: String, _ transform: (String) -> String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { transform(String($0)) }.joined(separator: "\n")
    }
}
