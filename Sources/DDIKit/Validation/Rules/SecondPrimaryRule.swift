/// DDI010: one identity holds at most one primary number.
struct SecondPrimaryRule: ValidationRule {
    let id = "DDI010"
    let title = "Two primary numbers for one identity"
    let defaultSeverity = Severity.error
    let summary = "one identity holds two primary numbers (conference bridges excepted)"
    let rationale = """
    Teams gives a user or resource account one primary number; assigning a second primary number \
    replaces the first, so one of the two declarations can never be live. A second number for the \
    same person is a private line (`category: private`). Conference bridges are exempt: a bridge \
    has one dial-in number per country by design.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
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
        .invalid("two primary numbers", message: "CEO@contoso.com already holds primary number +4533121042", ExampleSnippets.file("numbers.yaml", """
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
            assigned_to: ↓CEO@contoso.com
            owner: ceo@contoso.com
            reviewed: 2026-05-02
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let numbers = context.numbers
        // Sized once, for every entry: growing it step by step rehashed every key some seventeen
        // times. It keeps entry indexes, not the identities (README "Performance").
        var firstPrimary = FirstIndexTable(capacity: numbers.count)
        // Entries are in file and line order (the loader sorts files), so the first seen is the first declared.
        for (index, fact) in context.facts.enumerated() {
            // A bridge and a shared-calling policy hold any number of numbers; only identities have one primary.
            // The candidates are picked on the entries' facts, without reading their boxes.
            guard fact.status == .assigned, fact.effectiveCategory == .primary,
                  fact.kind != .conference, fact.kind != .sharedCalling,
                  fact.flags.contains(.hasAssignedTo), let identity = numbers[index].assignedTo else { continue }
            let key = Identity.normalized(identity.value)
            let earlier = firstPrimary.firstIndex(hash: key.hashValue, orInsert: index) { other in
                numbers[other].assignedTo.map { Identity.normalized($0.value) == key } ?? false
            }
            guard let first = earlier else { continue }
            let firstText = numbers[first].text
            findings.add(
                "\(identity.value) already holds primary number \(firstText.value) (at \(firstText.location)); mark one 'category: private'",
                at: identity.location,
                related: [RelatedLocation(firstText.location, "first primary number")]
            )
        }
    }
}
