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
        var firstPrimary: [String: Int] = [:]
        // Sized once, for every entry (at most one table size more than the primaries alone need):
        // growing it step by step rehashed every key some seventeen times, and counting the primaries
        // first was a second walk over 100,000 entries (README "Performance").
        firstPrimary.reserveCapacity(numbers.count)
        // Entries are in file and line order (the loader sorts files), so the first seen is the first declared.
        for index in numbers.indices {
            let entry = numbers[index]
            // A bridge and a shared-calling policy hold any number of numbers; only identities have one primary.
            guard entry.status?.value == .assigned, entry.effectiveCategory == .primary,
                  entry.kind?.value != .conference, entry.kind?.value != .sharedCalling,
                  let identity = entry.assignedTo else { continue }
            let key = Identity.normalized(identity.value)
            // One hash per identity: store, and put the first back in the rare case there was one.
            guard let first = firstPrimary.updateValue(index, forKey: key) else { continue }
            firstPrimary[key] = first
            let firstText = numbers[first].text
            findings.add(
                "\(identity.value) already holds primary number \(firstText.value) (at \(firstText.location)); mark one 'category: private'",
                at: identity.location,
                related: [RelatedLocation(firstText.location, "first primary number")]
            )
        }
    }
}
