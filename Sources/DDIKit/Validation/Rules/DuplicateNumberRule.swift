/// DDI003: a number is declared once; blocks never overlap other entries.
struct DuplicateNumberRule: ValidationRule {
    let id = "DDI003"
    let title = "Duplicate number"
    let defaultSeverity = Severity.error
    let summary = "duplicate: a number declared twice, or a number or block overlapping another block; both places named"
    let rationale = """
    A number declared twice has two owners and two statuses, and the plan cannot know which one is \
    meant: one of them is always wrong. Entries are compared as intervals (sorted and swept), so a \
    single number inside a reserved block is found as well as two identical lines. Both places are \
    named. Extensions (`;ext=`) are distinct numbers.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("each number once", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121007"
            status: quarantine
            since: 2026-05-02
          - block: "+4533121100..+4533121149"
            status: reserved
            until: 2026-09-30
            reason: Aarhus office opening
        """)),
        .invalid("the same number in two files", message: "+4533121007 is declared twice (first at a.yaml:7:13)", ExampleSnippets.file("a.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121007"
            status: quarantine
            since: 2026-05-02
        """), ExampleSnippets.file("b.yaml", """
        numbers:
          - number: ↓"+4533121007"
            status: free
        """)),
        .invalid("a number inside a reserved block", message: "+4533121120 overlaps block +4533121100..+4533121149 (declared at numbers.yaml:7:12)", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - block: "+4533121100..+4533121149"
            status: reserved
            until: 2026-09-30
            reason: Aarhus office opening
          - number: ↓"+4533121120"
            status: free
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let numbers = context.numbers, facts = context.facts
        // Plain numbers and blocks: a sweep keeping the entry that reaches furthest so far, on the
        // entries' facts (README "Performance").
        var furthest: Int?
        var firstWithExtension: [PhoneNumber: Int] = [:]
        for index in context.numbersInOrder {
            let fact = facts[index]
            guard fact.flags.contains(.hasSpan) else { continue }
            if fact.flags.contains(.hasExtension) {
                guard let number = numbers[index].span?.first else { continue }
                if let first = firstWithExtension[number] {
                    report(index, duplicates: first, numbers, &findings)
                } else {
                    firstWithExtension[number] = index
                }
                continue
            }
            if let previous = furthest, facts[previous].flags.contains(.hasSpan), fact.lowerKey <= facts[previous].upperKey {
                report(index, duplicates: previous, numbers, &findings)
                if fact.upperKey <= facts[previous].upperKey { continue }
            }
            furthest = index
        }
    }

    private func report(_ index: Int, duplicates earlier: Int, _ numbers: [NumberEntry], _ findings: inout RuleFindings) {
        // Name the entry that comes later in the files, pointing back at the one that comes first.
        let (first, second) = numbers[earlier].text.location < numbers[index].text.location ? (earlier, index) : (index, earlier)
        let firstEntry = numbers[first], secondEntry = numbers[second]
        let message: String
        if !firstEntry.isBlock && !secondEntry.isBlock {
            message = "\(secondEntry.text.value) is declared twice (first at \(firstEntry.text.location))"
        } else {
            message = "\(secondEntry.isBlock ? "block " : "")\(secondEntry.text.value) overlaps \(firstEntry.isBlock ? "block " : "")\(firstEntry.text.value) (declared at \(firstEntry.text.location))"
        }
        findings.add(message, at: secondEntry.text.location, related: [RelatedLocation(firstEntry.text.location, "first declared here")])
    }
}
