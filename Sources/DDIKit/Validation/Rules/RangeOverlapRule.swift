/// DDI004: ranges do not overlap; range ids and routing ids are unique.
struct RangeOverlapRule: ValidationRule {
    let id = "DDI004"
    let title = "Overlapping ranges or duplicate ids"
    let defaultSeverity = Severity.error
    let summary = "overlapping ranges; duplicate range or routing ids"
    let rationale = """
    A number belongs to exactly one range: that range says where it comes from (Direct Routing, \
    Operator Connect or a Calling Plan), what it costs and where its emergency location is. \
    Overlapping ranges make all of that ambiguous. Range and routing ids are references, so each must \
    name one thing.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("adjacent ranges", ExampleSnippets.file("ranges.yaml", """
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
          - id: cph-annex
            block: "+4533122000..+4533122099"
            source: operator-connect
            country: DK
        """)),
        .invalid("two ranges share numbers", message: "range cph-annex (+4533121900..+4533122099) overlaps range cph-hq", ExampleSnippets.file("ranges.yaml", """
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
          - id: cph-annex
            block: ↓"+4533121900..+4533122099"
            source: operator-connect
            country: DK
        """)),
        .invalid("the same range id twice", message: "range id 'cph-hq' is used twice (first at ranges.yaml:2:9)", ExampleSnippets.file("ranges.yaml", """
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
          - id: ↓cph-hq
            block: "+4533122000..+4533122099"
            source: operator-connect
            country: DK
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let ranges = context.ranges
        var furthest: Int?
        for index in context.rangesInOrder {
            guard let span = ranges[index].span else { continue }
            if let previous = furthest, let previousSpan = ranges[previous].span, span.value.lowerKey <= previousSpan.value.upperKey {
                let (first, second) = ranges[previous].location < ranges[index].location ? (previous, index) : (index, previous)
                let firstRange = ranges[first], secondRange = ranges[second]
                findings.add(
                    "range \(secondRange.id.value) (\(secondRange.span?.value.description ?? "")) overlaps range \(firstRange.id.value) (\(firstRange.span?.value.description ?? ""), declared at \(firstRange.location))",
                    at: secondRange.span?.location ?? secondRange.location,
                    related: [RelatedLocation(firstRange.location, "overlapping range")]
                )
                if span.value.upperKey <= previousSpan.value.upperKey { continue }
            }
            furthest = index
        }
        reportDuplicateIDs(ranges.map(\.id), noun: "range", &findings)
        reportDuplicateIDs(context.routing.map(\.id), noun: "routing", &findings)
    }

    private func reportDuplicateIDs(_ ids: [Located<String>], noun: String, _ findings: inout RuleFindings) {
        var first: [String: SourceLocation] = [:]
        for id in ids.sorted(by: { $0.location < $1.location }) {
            if let earlier = first[id.value] {
                findings.add("\(noun) id '\(id.value)' is used twice (first at \(earlier))", at: id.location, related: [RelatedLocation(earlier, "first used here")])
            } else {
                first[id.value] = id.location
            }
        }
    }
}
