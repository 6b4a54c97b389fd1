/// DDI013: the number's kind and extension are possible with its range's source.
struct SourceSupportRule: ValidationRule {
    let id = "DDI013"
    let title = "Kind or extension not supported by the source"
    let defaultSeverity = Severity.error
    let summary = "`;ext=` on a range that is not Direct Routing; conference numbers on Direct Routing; devices on Calling Plan or Operator Connect"
    let rationale = """
    Teams accepts `;ext=` numbers only through Direct Routing (the SBC delivers the extension). Audio \
    Conferencing dial-in numbers must be service numbers from a Calling Plan or an operator, never \
    Direct Routing. Devices outside Teams (door phones, SIP gateways) are reached through an SBC, so \
    they need a Direct Routing range. A declaration that Teams cannot carry out fails at apply time; \
    this rule catches it in review.
    """
    static let unsupportedKinds: [NumberSource: Set<NumberKind>] = [
        .directRouting: [.conference],
        .callingPlan: [.device],
        .operatorConnect: [.device],
    ]

    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("an extension on a Direct Routing range", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.aarhusRange)
        numbers:
          - number: "+4586201000;ext=204"
            status: assigned
            kind: user
            assigned_to: lars.berg@contoso.com
            owner: lars.berg@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("an extension on an Operator Connect range", message: "+4533121000;ext=204 has an extension, but range cph-hq is operator-connect", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: ↓"+4533121000;ext=204"
            status: assigned
            kind: user
            assigned_to: lars.berg@contoso.com
            owner: lars.berg@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("a conference bridge on Direct Routing", message: "+4586201500 is a conference number, which direct-routing range aar-dr cannot carry", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.aarhusRange)
        numbers:
          - number: "+4586201500"
            status: assigned
            kind: ↓conference
            assigned_to: conference@contoso.com
            owner: IT Operations
            reviewed: 2026-05-02
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        // Each range's source and the kinds it cannot carry, looked up once per range, not per number;
        // the entry itself is read only to report (README "Performance").
        let rangeSources = context.ranges.map { range in
            range.source.map { (source: $0.value, unsupported: Array(Self.unsupportedKinds[$0.value] ?? [])) }
        }
        for (index, fact) in context.facts.enumerated() {
            guard fact.status != .external, let rangeIndex = context.declaringRange[index],
                  let (source, unsupportedKinds) = rangeSources[rangeIndex] else { continue }
            let extensionUnsupported = fact.flags.contains(.hasExtension) && source != .directRouting
            let kindUnsupported = fact.kind.map { unsupportedKinds.contains($0) } ?? false
            guard extensionUnsupported || kindUnsupported else { continue }
            let entry = context.numbers[index]
            let range = context.ranges[rangeIndex]
            if extensionUnsupported {
                findings.add("\(entry.text.value) has an extension, but range \(range.id.value) is \(source.rawValue): extensions need Direct Routing", at: entry.text.location,
                             related: [RelatedLocation(range.location, "range \(range.id.value)")])
            }
            if kindUnsupported, let kind = entry.kind {
                findings.add("\(entry.text.value) is \(Wording.withArticle(kind.value.rawValue)) number, which \(source.rawValue) range \(range.id.value) cannot carry", at: kind.location,
                             related: [RelatedLocation(range.location, "range \(range.id.value)")])
            }
        }
    }
}
