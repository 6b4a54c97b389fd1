/// DDI009: assigned numbers are reviewed regularly.
struct ReviewAgeRule: ValidationRule {
    let id = "DDI009"
    let title = "Review missing or stale"
    let defaultSeverity = Severity.warning
    let summary = "assigned number never reviewed, or reviewed more than `review_max_age_days` ago"
    let rationale = """
    Numbers stay assigned to people who left, and such numbers are a risk (MFA codes and call \
    forwarding reach a stranger). Auditors ask when each assignment was last confirmed. Every \
    assigned number carries `reviewed:`, no older than `policy.review_max_age_days`; `ddi review` \
    sets it to today.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("reviewed a month ago", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: 2026-05-02
        """)),
        .invalid("never reviewed", message: "+4533121042 has never been reviewed", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - ↓number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
        """)),
        .invalid("reviewed two years ago", message: "last reviewed on 2024-05-02, 760 days ago; policy.review_max_age_days is 365", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: anna.jensen@contoso.com
            reviewed: ↓2024-05-02
        """)),
    ] }

    private static let reviewedKey = KeySet(["reviewed"])

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let policy = context.policy
        for (index, fact) in context.facts.enumerated() where fact.status == .assigned {
            guard let day = fact.reviewed else {
                if !fact.writtenKeys.isSuperset(of: Self.reviewedKey) {
                    let entry = context.numbers[index]
                    findings.add("\(entry.text.value) has never been reviewed (add 'reviewed: YYYY-MM-DD')", at: entry.location)
                }
                continue
            }
            let standing = policy.reviewStanding(reviewed: day, today: context.today)
            switch standing {
            case .current, .neverReviewed: continue
            case .inFuture, .stale: break
            }
            let entry = context.numbers[index]
            guard let reviewed = entry.reviewed else { continue }
            switch standing {
            case .inFuture:
                findings.add("\(entry.text.value) was reviewed on \(reviewed.value), which is in the future", at: reviewed.location)
            case .stale(let age):
                findings.add("\(entry.text.value) was last reviewed on \(reviewed.value), \(age) days ago; policy.review_max_age_days is \(policy.reviewMaxAgeDays)", at: reviewed.location)
            case .current, .neverReviewed:
                break
            }
        }
    }
}
