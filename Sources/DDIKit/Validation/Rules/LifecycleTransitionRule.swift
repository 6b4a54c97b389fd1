/// DDI014: a number's status may only move along the lifecycle of README "Lifecycle", checked against `--base`.
struct LifecycleTransitionRule: ValidationRule {
    let id = "DDI014"
    let title = "Illegal lifecycle transition"
    let defaultSeverity = Severity.error
    let summary = "lifecycle transition against `--base REV`: assigned to free or reserved without quarantine, reuse before the quarantine ends, a direct handover without `handover: true`, anything out of `retired`"
    let rationale = """
    People keep calling a number long after its holder left, so a released number rests in quarantine \
    (`policy.quarantine_days`) before anyone else gets it. Compared with the inventory at `--base REV` \
    (usually the target branch of a pull request), these changes are errors: `assigned` → `free` or \
    `reserved` (or deleting an assigned entry), which skip quarantine; `quarantine` → `assigned` or \
    `free` before `since` + `quarantine_days`; any change out of `retired` (the number went back to \
    the carrier); and handing a `user` or `vip` number directly from one person to another without \
    `handover: true` on the entry in that change. Both places are named: the entry now, and the entry \
    at the base revision. Without `--base` the rule does nothing.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("released into quarantine", base: [ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: 2026-03-01
        """)], ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: quarantine
            since: 2026-05-30
            note: released when anna.jensen@contoso.com left
        """)),
        .valid("a handover that says so", base: [ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: 2026-03-01
        """)], ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: peter.holm@contoso.com
            owner: peter.holm@contoso.com
            reviewed: 2026-05-30
            handover: true
            note: Anna's customers stay with Peter
        """)),
        .invalid("freed without quarantine", message: "+4533121042 goes from assigned to free without quarantine", base: [ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: 2026-03-01
        """)], ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: ↓free
        """)),
        .invalid("reused while still in quarantine", message: "+4533121007 is in quarantine until 2026-07-31 (since 2026-05-02 + 90 days)", base: [ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121007"
            status: quarantine
            since: 2026-05-02
        """)], ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121007"
            status: ↓assigned
            kind: user
            assigned_to: peter.holm@contoso.com
            owner: peter.holm@contoso.com
            reviewed: 2026-05-30
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        guard let base = context.base else { return }
        let before = SpanIndex(base.numbers)
        var seen = Set<Int>()
        for entry in context.numbers {
            guard let span = entry.span, let status = entry.status?.value else { continue }
            for index in before.overlapping(span) {
                seen.insert(index)
                let old = before.entries[index]
                guard let oldStatus = old.status?.value else { continue }
                if let problem = problem(from: old, oldStatus, to: entry, status, context) {
                    findings.add(problem, at: entry.status?.location ?? entry.location,
                                 related: [RelatedLocation(old.status?.location ?? old.location, "\(old.text.value) at the base revision")])
                }
            }
        }
        // An assigned entry that is gone leaves its number free without quarantine.
        for (index, old) in before.entries.enumerated() where !seen.contains(index) && old.status?.value == .assigned && old.span != nil {
            findings.add(
                "\(old.text.value) was assigned to \(old.assignedTo?.value ?? "someone") and is no longer declared, which frees it without quarantine: set 'status: quarantine' with 'since' instead (declared at \(old.location) in the base revision)",
                at: old.location,
                related: [RelatedLocation(old.location, "\(old.text.value) at the base revision")]
            )
        }
    }

    private func problem(from old: NumberEntry, _ oldStatus: NumberStatus, to new: NumberEntry, _ status: NumberStatus, _ context: ValidationContext) -> String? {
        let number = new.text.value
        switch (oldStatus, status) {
        case (.retired, let now) where now != .retired:
            return "\(number) was retired (returned to the carrier) and cannot become \(now.rawValue)"
        case (.assigned, .free), (.assigned, .reserved):
            return "\(number) goes from assigned to \(status.rawValue) without quarantine: set 'status: quarantine' with 'since' first"
        case (.quarantine, .assigned), (.quarantine, .free):
            guard let since = old.since?.value else { return nil }
            let ends = context.policy.quarantineEnd(since: since)
            if !context.policy.isQuarantineOver(since: since, today: context.today) {
                return "\(number) is in quarantine until \(ends) (since \(since) + \(context.policy.quarantineDays) days) and cannot become \(status.rawValue) yet"
            }
            return nil
        case (.assigned, .assigned):
            let kind = new.kind?.value ?? old.kind?.value
            guard kind == .user || kind == .vip,
                  let from = old.assignedTo?.value, let to = new.assignedTo?.value,
                  from.lowercased() != to.lowercased(), !new.handover else { return nil }
            return "\(number) is handed directly from \(from) to \(to): add 'handover: true' to the entry if that is intended, or release it to quarantine"
        default:
            return nil
        }
    }
}

/// Entries of the base revision by span, for overlap queries without materialising blocks.
private struct SpanIndex {
    let entries: [NumberEntry]
    private let order: [Int]
    private let reach: [UInt64]
    private let byExtension: [PhoneNumber: [Int]]

    init(_ entries: [NumberEntry]) {
        self.entries = entries
        var extensions: [PhoneNumber: [Int]] = [:]
        var plain: [Int] = []
        for (index, entry) in entries.enumerated() {
            guard let span = entry.span else { continue }
            if span.first.phoneExtension != nil { extensions[span.first, default: []].append(index) } else { plain.append(index) }
        }
        order = plain.sorted { (entries[$0].span?.lowerKey ?? 0, $0) < (entries[$1].span?.lowerKey ?? 0, $1) }
        var highest: UInt64 = 0
        reach = order.map { index in
            highest = max(highest, entries[index].span?.upperKey ?? 0)
            return highest
        }
        byExtension = extensions
    }

    func overlapping(_ span: NumberSpan) -> [Int] {
        if span.first.phoneExtension != nil { return byExtension[span.first] ?? [] }
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if (entries[order[middle]].span?.lowerKey ?? 0) <= span.upperKey { low = middle + 1 } else { high = middle }
        }
        var result: [Int] = []
        var position = low - 1
        while position >= 0, reach[position] >= span.lowerKey {
            let index = order[position]
            if let other = entries[index].span, other.overlaps(span) { result.append(index) }
            position -= 1
        }
        return result
    }
}
