/// DDI010: one identity holds at most one primary number.
struct SecondPrimaryRule: ValidationRule {
    let id = "DDI010"
    let title = "Two primary numbers for one identity"
    let defaultSeverity = Severity.error
    let rationale = """
    Teams gives a user or resource account one primary number; assigning a second primary number \
    replaces the first, so one of the two declarations can never be live. A second number for the \
    same person is a private line (`category: private`). Conference bridges are exempt: a bridge \
    has one dial-in number per country by design.
    """
    let examples: [RuleExample] = [
        .valid("a primary and a private line", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: vip
            assigned_to: ceo@contoso.com
            owner: ceo@contoso.com
            reviewed: 2026-05-02
          - number: "+4533121043"
            status: assigned
            kind: vip
            category: private
            assigned_to: ceo@contoso.com
            owner: ceo@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("two primary numbers", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: vip
            assigned_to: ceo@contoso.com
            owner: ceo@contoso.com
            reviewed: 2026-05-02
          - number: "+4533121043"
            status: assigned
            kind: vip
            assigned_to: CEO@contoso.com
            owner: ceo@contoso.com
            reviewed: 2026-05-02
        """)),
    ]

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        var firstPrimary: [String: NumberEntry] = [:]
        let assigned = context.numbers.filter {
            $0.status?.value == .assigned && $0.effectiveCategory == .primary && $0.assignedTo != nil && $0.kind?.value != .conference
        }
        for entry in assigned.sorted(by: { $0.location < $1.location }) {
            guard let identity = entry.assignedTo else { continue }
            let key = Identity.normalized(identity.value)
            if let first = firstPrimary[key] {
                findings.add(
                    "\(identity.value) already holds primary number \(first.text.value) (at \(first.text.location)); mark one 'category: private'",
                    at: identity.location,
                    related: [RelatedLocation(first.text.location, "first primary number")]
                )
            } else {
                firstPrimary[key] = entry
            }
        }
    }
}
