/// Escaping for every place a value from an inventory, a snapshot, a file name or git leaves ddi.
/// Anyone who can open a pull request controls those values, so none reaches a terminal, a CI log
/// or a workflow command raw: an ESC restyles a terminal, and a newline followed by `::error` is a
/// forged GitHub annotation.
public enum TextEscaping {
    /// One printable line for a terminal or a CI log: control characters (C0 including newline, tab
    /// and ESC, DEL, C1), line and paragraph separators and bidirectional overrides are written as
    /// `\u{...}` (`\n`, `\r`, `\t` for the common three), so a value can neither start a line of its
    /// own nor send an escape sequence.
    public static func terminal(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: needsEscape) else { return value }
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 8)
        for scalar in value.unicodeScalars {
            guard needsEscape(scalar) else {
                escaped.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return escaped
    }

    /// A multi-line message for a terminal: each line escaped as `terminal`, the newlines between
    /// them kept. For messages ddi composes itself; values inside them go through `terminal` first.
    public static func terminalLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { terminal(String($0)) }.joined(separator: "\n")
    }

    /// The message part of a GitHub workflow command (`::error file=...::MESSAGE`), escaped as the
    /// workflow-command syntax requires: `%`, CR and LF percent-encoded. Other control characters
    /// (ESC above all) are written as in `terminal`, since the line lands raw in the job log.
    /// The escapes are those of the Actions toolkit (`escapeData`, `escapeProperty` in
    /// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts).
    public static func githubData(_ value: String) -> String {
        workflowCommand(value, escapingPropertySeparators: false)
    }

    /// A property value of a GitHub workflow command (`file=`, `title=`): as `githubData`, and `:`
    /// and `,` too, which would otherwise end the property.
    public static func githubProperty(_ value: String) -> String {
        workflowCommand(value, escapingPropertySeparators: true)
    }

    private static func workflowCommand(_ value: String, escapingPropertySeparators: Bool) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": escaped += "%25"
            case "\r": escaped += "%0D"
            case "\n": escaped += "%0A"
            case ":" where escapingPropertySeparators: escaped += "%3A"
            case "," where escapingPropertySeparators: escaped += "%2C"
            default:
                if needsEscape(scalar) { escaped += terminal(String(scalar)) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
