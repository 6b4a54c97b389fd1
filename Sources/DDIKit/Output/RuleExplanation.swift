/// The text of `ddi explain ID`: title, default severity, rationale and the rule's examples.
public struct RuleExplanation: Sendable {
    public let rule: any ValidationRule

    public init(rule: any ValidationRule) { self.rule = rule }

    public var text: String {
        var lines = [
            "\(rule.id): \(rule.title)",
            "default severity: \(rule.defaultSeverity.rawValue)",
            "",
            rule.rationale,
        ]
        for example in rule.examples {
            lines.append("")
            lines.append("\(example.isValid ? "Valid" : "Invalid"): \(example.summary)")
            for file in example.base ?? [] {
                lines.append("  # \(file.path) at the base revision (--base)")
                lines += file.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            }
            if let message = example.commitMessage {
                lines.append("  # the commit message")
                lines += message.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            }
            for file in example.files {
                lines.append("  # \(file.path)")
                lines += file.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            }
        }
        lines.append("")
        lines.append("Examples are checked as if today were \(RuleExample.today). Change the severity in ddi.yaml: rules: { \(rule.id): error | warning | info | off }")
        return lines.joined(separator: "\n") + "\n"
    }
}
