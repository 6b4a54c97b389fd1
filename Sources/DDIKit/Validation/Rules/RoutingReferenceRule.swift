/// DDI011: routing references resolve, and AA/CQ numbers sit on their routing entry's resource account.
struct RoutingReferenceRule: ValidationRule {
    let id = "DDI011"
    let title = "Unknown routing reference or unbound resource account"
    let defaultSeverity = Severity.error
    let summary = "unknown routing reference; auto attendant or call queue number not assigned to its routing entry's resource account"
    let rationale = """
    A number that routes to an auto attendant or call queue reaches it through the resource account \
    it is assigned to. If `routing:` names an entry that does not exist, or the number is assigned to \
    another account than the entry's `resource_account`, callers land in a dead end: the classic \
    "ghost number". Routing targets that name other routing entries must exist too.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("the main number reaches the auto attendant", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121000"
            status: assigned
            kind: auto-attendant
            assigned_to: aa-main@contoso.com
            owner: Front Office
            routing: aa-main
            reviewed: 2026-05-02
        routing:
          - id: aa-main
            type: auto-attendant
            resource_account: aa-main@contoso.com
            business_hours: reception@contoso.com
            after_hours: voicemail:reception@contoso.com
        """)),
        .invalid("the number is assigned to another account", message: "+4533121000 routes to aa-main, whose resource account is aa-main@contoso.com, but it is assigned to aa-old@contoso.com", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121000"
            status: assigned
            kind: auto-attendant
            assigned_to: ↓aa-old@contoso.com
            owner: Front Office
            routing: aa-main
            reviewed: 2026-05-02
        routing:
          - id: aa-main
            type: auto-attendant
            resource_account: aa-main@contoso.com
            business_hours: reception@contoso.com
            after_hours: voicemail:reception@contoso.com
        """)),
        .invalid("a target that does not exist", message: "goes to unknown routing entry 'cq-recepton' (did you mean 'cq-reception'?)", ExampleSnippets.file("routing.yaml", """
        routing:
          - id: aa-main
            type: auto-attendant
            resource_account: aa-main@contoso.com
            business_hours: ↓cq-recepton
            after_hours: voicemail:reception@contoso.com
          - id: cq-reception
            type: call-queue
            resource_account: cq-reception@contoso.com
            agents: [anna.jensen@contoso.com]
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        var entries: [String: RoutingEntry] = [:]
        for entry in context.routing where entries[entry.id.value] == nil { entries[entry.id.value] = entry }
        let ids = Array(entries.keys).sorted()
        // Most numbers route nowhere: their boxes are not read (README "Performance").
        for (index, fact) in context.facts.enumerated() where fact.flags.contains(.hasRouting) {
            let number = context.numbers[index]
            guard let reference = number.routing else { continue }
            guard let target = entries[reference.value] else {
                findings.add("\(number.text.value) routes to unknown routing entry '\(reference.value)'\(DidYouMean.hint(for: reference.value, among: ids))", at: reference.location)
                continue
            }
            guard number.status?.value == .assigned, let account = target.resourceAccount else { continue }
            if let holder = number.assignedTo, Identity.normalized(holder.value) != Identity.normalized(account.value) {
                findings.add(
                    "\(number.text.value) routes to \(reference.value), whose resource account is \(account.value), but it is assigned to \(holder.value)",
                    at: holder.location,
                    related: [RelatedLocation(account.location, "resource account of \(reference.value)")]
                )
            }
            if let kind = number.kind?.value, let type = target.type?.value, let expected = expectedType(of: kind), expected != type {
                findings.add("\(number.text.value) is \(Wording.withArticle(kind.rawValue)) number but routes to \(reference.value), \(Wording.withArticle(type.rawValue))", at: reference.location,
                             related: [RelatedLocation(target.id.location, "routing entry")])
            }
        }
        for entry in context.routing {
            for link in entry.links {
                guard case .routing(let id) = link.target, entries[id] == nil else { continue }
                findings.add("routing \(entry.id.value) \(link.field) goes to unknown routing entry '\(id)'\(DidYouMean.hint(for: id, among: ids))", at: link.text.location)
            }
        }
    }

    private func expectedType(of kind: NumberKind) -> RoutingType? {
        switch kind {
        case .autoAttendant: .autoAttendant
        case .callQueue: .callQueue
        default: nil
        }
    }
}
