/// DDI007: reservations end, and not too far ahead.
struct ReservationRule: ValidationRule {
    let id = "DDI007"
    let title = "Reservation expired or too long"
    let defaultSeverity = Severity.warning
    let summary = "reservation expired, or ending more than `reservation_max_days` ahead"
    let rationale = """
    Reserved numbers are paid for and cannot be allocated. A reservation whose `until` date has \
    passed is money spent on nothing: release it or extend it on purpose. One that ends further ahead \
    than `policy.reservation_max_days` hoards numbers; renew it when it ends instead.
    """
    let examples: [RuleExample] = [
        .valid("a reservation that ends in four months", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - block: "+4533121100..+4533121149"
            status: reserved
            until: 2026-09-30
            reason: Aarhus office opening
        """)),
        .invalid("a reservation that ended", message: "reservation of +4533121100..+4533121149 expired on 2026-03-31", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - block: "+4533121100..+4533121149"
            status: reserved
            until: ↓2026-03-31
            reason: Aarhus office opening
        """)),
        .invalid("a reservation for two years", message: "runs until 2028-06-01, 731 days from today; policy.reservation_max_days allows 180", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121150"
            status: reserved
            until: ↓2028-06-01
            reason: CEO's future assistant
        """)),
    ]

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let policy = context.policy
        for entry in context.numbers where entry.status?.value == .reserved {
            guard let until = entry.until else { continue }
            switch policy.reservationStanding(until: until.value, today: context.today) {
            case .expired:
                findings.add("reservation of \(entry.text.value) expired on \(until.value)", at: until.location)
            case .tooLong(let ahead):
                findings.add("reservation of \(entry.text.value) runs until \(until.value), \(ahead) days from today; policy.reservation_max_days allows \(policy.reservationMaxDays)", at: until.location)
            case .withinPolicy:
                break
            }
        }
    }
}
