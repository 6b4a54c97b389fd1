/// The README's rules table, rendered from the rule catalogue so the two cannot differ
/// (a test compares it with README.md between `<!-- rules:begin -->` and `<!-- rules:end -->`).
public enum RuleTable {
    public static let beginMarker = "<!-- rules:begin -->"
    public static let endMarker = "<!-- rules:end -->"

    /// One row per rule: ID, default severity, summary.
    public static func markdown(_ rules: [any ValidationRule] = RuleCatalog.all) -> String {
        var lines = ["| ID | default | rule |", "|---|---|---|"]
        for rule in rules {
            lines.append("| \(rule.id) | \(rule.defaultSeverity.rawValue) | \(cell(rule.summary)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Summaries are written by us, but a `|` or a line break would still break the table.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
