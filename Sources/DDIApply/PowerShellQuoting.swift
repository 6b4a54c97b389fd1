/// PowerShell string literals that no declared value can break out of.
public enum PowerShellQuoting {
    /// A single-quoted literal: PowerShell expands nothing inside single quotes, and a quote is
    /// written by doubling it. PowerShell also treats the typographic single quotes (U+2018, U+2019,
    /// U+201A, U+201B) as quote characters, so they are doubled as well.
    public static func literal(_ value: String) -> String {
        var quoted = "'"
        for character in value {
            switch character {
            case "'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}":
                quoted.append(character)
                quoted.append(character)
            default:
                quoted.append(character)
            }
        }
        quoted.append("'")
        return quoted
    }
}
