/// DDI006: each status and kind has the fields it needs.
struct MissingFieldRule: ValidationRule {
    let id = "DDI006"
    let title = "Missing field for the status or kind"
    let defaultSeverity = Severity.error
    let summary = "missing field: assigned needs `assigned_to`, `owner`, `kind` (and `routing` for auto attendants and call queues); reserved needs `until`, `reason`; quarantine needs `since`"
    let rationale = """
    An assigned number without `assigned_to`, `owner` and `kind` cannot be planned or audited; a \
    reservation without `until` and `reason` never ends and nobody remembers why it exists; a \
    quarantine without `since` never ends either. Auto attendant and call queue numbers name the \
    `routing` entry they reach, so callers never land in a dead queue.
    """
    static let required: [NumberStatus: [String]] = [
        .assigned: ["assigned_to", "owner", "kind"],
        .reserved: ["until", "reason"],
        .quarantine: ["since"],
    ]
    static let requiredByKind: [NumberKind: [String]] = [
        .autoAttendant: ["routing"],
        .callQueue: ["routing"],
    ]
    static let requiredMask = required.mapValues { KeySet($0) }
    static let requiredByKindMask = requiredByKind.mapValues { KeySet($0) }

    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("an assignment with its owner", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("an assignment with no owner", message: "+4533121042 is assigned but has no 'owner'", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - ↓number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("a reservation with no reason", message: "+4533121100..+4533121149 is reserved but has no 'reason'", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - ↓block: "+4533121100..+4533121149"
            status: reserved
            until: 2026-09-30
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        // Most entries have every key they need: one mask test on the entry's facts, without
        // hashing, building the lists or comparing key names (README "Performance").
        let statusMasks = NumberStatus.allCases.map { (status: $0, mask: Self.requiredMask[$0] ?? KeySet()) }
        let kindMasks = NumberKind.allCases.map { (kind: $0, mask: Self.requiredByKindMask[$0] ?? KeySet()) }
        for (index, fact) in context.facts.enumerated() {
            guard let status = fact.status else { continue }
            var neededMask = statusMasks.first { $0.status == status }?.mask ?? KeySet()
            if status == .assigned, let kind = fact.kind { neededMask.formUnion(kindMasks.first { $0.kind == kind }?.mask ?? KeySet()) }
            if fact.writtenKeys.isSuperset(of: neededMask) { continue }
            let entry = context.numbers[index]
            var needed = Self.required[status] ?? []
            if status == .assigned, let kind = entry.kind?.value { needed += Self.requiredByKind[kind] ?? [] }
            let missing = needed.filter { !entry.writtenKeys.contains($0) }
            guard !missing.isEmpty else { continue }
            let fields = missing.map { "'\($0)'" }.joined(separator: ", ")
            let subject = entry.status?.value == .assigned && entry.kind != nil && missing == ["routing"]
                ? "\(entry.text.value) is \(Wording.withArticle(entry.kind?.value.rawValue ?? "")) number"
                : "\(entry.text.value) is \(status.rawValue)"
            findings.add("\(subject) but has no \(fields)", at: entry.location)
        }
    }
}
