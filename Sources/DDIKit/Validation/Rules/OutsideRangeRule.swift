/// DDI005: with `policy.require_range`, every declared number lies inside a declared range.
struct OutsideRangeRule: ValidationRule {
    let id = "DDI005"
    let title = "Number outside every range"
    let defaultSeverity = Severity.error
    let summary = "number or block outside every range (with `policy.require_range`)"
    let rationale = """
    A number that belongs to no range has no known source, carrier, cost or emergency location, and \
    finance cannot account for it. Declare the range it comes from, or set `policy.require_range: \
    false` in ddi.yaml when numbers are tracked without ranges.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("inside the Copenhagen range", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121500"
            status: free
        """)),
        .valid("ranges not required by policy", ExampleSnippets.file("numbers.yaml", """
        numbers:
          - number: "+4533129500"
            status: free
        """), ExampleSnippets.file("ddi.yaml", "version: 1\npolicy:\n  require_range: false\n")),
        .invalid("a number outside the range", message: "+4533129500 is outside every declared range", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: ↓"+4533129500"
            status: free
        """)),
        .invalid("a block that runs past the end of the range", message: "block +4533121990..+4533122010 is not inside one declared range", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - block: ↓"+4533121990..+4533122010"
            status: free
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        guard context.policy.requireRange else { return }
        let unusable = context.inventory.unusableRanges
        var consequences: [[NumberEntry]] = Array(repeating: [], count: unusable.count)
        for (index, entry) in context.numbers.enumerated() where context.declaringRange[index] == nil {
            guard let span = entry.span else { continue }
            if let cause = unusable.firstIndex(where: { $0.span.contains(span) }) {
                consequences[cause].append(entry)
                continue
            }
            let what = entry.isBlock ? "block \(entry.text.value) is not inside one declared range" : "\(entry.text.value) is outside every declared range"
            findings.add(what, at: entry.text.location)
        }
        // One finding per range left out for an error of its own: the cause is reported once (by the
        // rule that rejected the range), its consequences summarised here instead of one error each.
        for (cause, entries) in zip(unusable, consequences) where !entries.isEmpty {
            findings.add(Self.summary(of: entries, inside: cause), at: cause.location, related: entries.prefix(Self.namedEntries).map {
                RelatedLocation($0.text.location, "\($0.text.value) is inside it")
            })
        }
    }

    static let namedEntries = 3

    static func summary(of entries: [NumberEntry], inside cause: UnusableRange) -> String {
        let named = entries.prefix(namedEntries).map(\.text.value).joined(separator: ", ")
        let rest = entries.count > namedEntries ? " and \(entries.count - namedEntries) more" : ""
        let what = entries.count == 1 ? "1 declared number or block lies" : "\(entries.count) declared numbers or blocks lie"
        return "\(what) inside \(cause.span), a range left out for the error reported on it, so outside every declared range until that error is fixed: \(named)\(rest)"
    }
}
