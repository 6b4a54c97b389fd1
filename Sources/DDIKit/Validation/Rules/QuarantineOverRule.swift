/// DDI008: a quarantined number whose rest period has passed can become free.
struct QuarantineOverRule: ValidationRule {
    let id = "DDI008"
    let title = "Quarantine over"
    let defaultSeverity = Severity.info
    let summary = "quarantine over: the number can become free"
    let rationale = """
    Released numbers rest for `policy.quarantine_days` so that callers of the previous holder do not \
    reach a new person. Once the period has passed, the number can return to the free pool (or be \
    retired and returned to the carrier to stop paying for it).
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("released a month ago", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121007"
            status: quarantine
            since: 2026-05-02
            note: released when bo.nielsen@contoso.com left
        """)),
        .invalid("released half a year ago", message: "quarantine of +4533121007 ended on 2026-03-01: it can become free", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121007"
            status: quarantine
            since: ↓2025-12-01
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        for (index, fact) in context.facts.enumerated() where fact.status == .quarantine {
            guard let since = fact.since, context.policy.isQuarantineOver(since: since, today: context.today) else { continue }
            let entry = context.numbers[index]
            guard let written = entry.since else { continue }
            let ends = context.policy.quarantineEnd(since: since)
            findings.add("quarantine of \(entry.text.value) ended on \(ends): it can become free", at: written.location)
        }
    }
}
