/// PowerShell string literals that no declared value can break out of.
public enum PowerShellQuoting {
    /// The characters PowerShell's tokenizer takes as a single quote: `'` and the typographic
    /// U+2018, U+2019, U+201A, U+201B (`CharExtensions.IsSingleQuote` in PowerShell's parser;
    /// "PowerShell treats smart quotation marks ... as normal quotation marks for strings",
    /// https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules).
    public static let singleQuotes: Set<Unicode.Scalar> = ["'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}"]

    /// A single-quoted literal: PowerShell expands nothing inside single quotes, and a quote is
    /// written by doubling it. The value is walked by Unicode scalar, never by `Character`:
    /// PowerShell reads UTF-16 code units, so a quote that Swift folds into a grapheme cluster with
    /// its neighbour (U+0600 before it, U+0301 after it) still ends the string there unless it is
    /// doubled. Every quote scalar is doubled, whatever surrounds it.
    public static func literal(_ value: String) -> String {
        var quoted = String.UnicodeScalarView()
        quoted.append("'")
        for scalar in value.unicodeScalars {
            quoted.append(scalar)
            if singleQuotes.contains(scalar) { quoted.append(scalar) }
        }
        quoted.append("'")
        return String(quoted)
    }
}
