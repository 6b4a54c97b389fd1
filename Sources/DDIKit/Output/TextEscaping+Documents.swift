/// Escaping for the documents ddi prints (markdown comments, CSV, HTML). Each also keeps a value on
/// its own line and free of escape sequences, because these documents are printed to terminals and
/// CI logs as often as they are saved.
extension TextEscaping {
    /// A markdown table cell (or any inline markdown): as `terminal`, then `|` escaped so the cell
    /// cannot end, and `<` and `>` as entities so no HTML is opened.
    public static func markdownCell(_ value: String) -> String {
        let line = terminal(value)
        guard line.contains(where: { $0 == "|" || $0 == "<" || $0 == ">" }) else { return line }
        var escaped = ""
        for character in line {
            switch character {
            case "|": escaped += "\\|"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Text inside a markdown code span (between backticks): as `markdownCell`, and a backtick
    /// becomes `'` so the span cannot close early.
    public static func markdownCode(_ value: String) -> String {
        let cell = markdownCell(value)
        guard cell.contains("`") else { return cell }
        return String(cell.map { $0 == "`" ? "'" : $0 })
    }

    /// One CSV field (RFC 4180): as `terminal` (a CSV printed to a CI log is read line by line), then
    /// quoted when it holds `,` or `"`. With `defusingFormula`, text a spreadsheet would run as a
    /// formula gets a leading `'` (OWASP CSV injection); leave it off for columns that are phone
    /// numbers in E.164, which start with `+`.
    public static func csvField(_ value: String, defusingFormula: Bool = true) -> String {
        var field = terminal(value)
        if defusingFormula, let first = field.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) {
            field = "'" + field
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// HTML and XML (SVG) element content and quoted attribute values. Line breaks become character
    /// references, which render the same but cannot start a line of their own where the page is
    /// printed; other control characters, not allowed in XML, become U+FFFD.
    public static func html(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\n": escaped += "&#10;"
            case "\r": escaped += "&#13;"
            case "\t": escaped.unicodeScalars.append(scalar)
            default:
                switch scalar.value {
                case 0x00...0x1F, 0x7F...0x9F, 0xFFFE...0xFFFF: escaped += "\u{FFFD}"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
