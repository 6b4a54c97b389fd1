/// DDI007: reservations end, and not too far ahead. Ending later than the policy allows is an error
/// (the policy says a reservation may not); an expired reservation is a warning (money to recover).
struct ReservationRule: ValidationRule {
    let id = "DDI007"
    let title = "Reservation too long or expired"
    let defaultSeverity = Severity.error
    let summary = "reservation ending more than `reservation_max_days` ahead; expired (warning)"
    let rationale = """
    Reserved numbers are paid for and cannot be allocated. One that ends further ahead than \
    `policy.reservation_max_days` hoards numbers against the policy: an error, so CI stops it; \
    reserve for the allowed time and renew the reservation when it ends. A reservation whose `until` \
    date has passed is money spent on nothing: a warning, until it is released or extended on purpose.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("a reservation that ends in four months", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - block: "+4533121100..+4533121149"
            status: reserved
            until: 2026-09-30
            reason: Aarhus office opening
        """)),
        .invalid("a reservation that ended (a warning)", message: "reservation of +4533121100..+4533121149 expired on 2026-03-31", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - block: "+4533121100..+4533121149"
            status: reserved
            until: ↓2026-03-31
            reason: Aarhus office opening
        """)),
        .invalid("a reservation for two years (an error)", message: "runs until 2028-06-01, 731 days from today; policy.reservation_max_days allows 180", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121150"
            status: reserved
            until: ↓2028-06-01
            reason: CEO's future assistant
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let policy = context.policy
        for (index, fact) in context.facts.enumerated() where fact.status == .reserved {
            guard let day = fact.until else { continue }
            let standing = policy.reservationStanding(until: day, today: context.today)
            if case .withinPolicy = standing { continue }
            let entry = context.numbers[index]
            guard let until = entry.until else { continue }
            switch standing {
            case .expired:
                findings.add("reservation of \(entry.text.value) expired on \(until.value)", at: until.location, severity: .warning)
            case .tooLong(let ahead):
                findings.add("reservation of \(entry.text.value) runs until \(until.value), \(ahead) days from today; policy.reservation_max_days allows \(policy.reservationMaxDays)", at: until.location)
            case .withinPolicy:
                break
            }
        }
    }
}
