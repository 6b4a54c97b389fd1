/// DDI002: every number is E.164 and valid for its country by libphonenumber's metadata.
struct InvalidNumberRule: ValidationRule {
    let id = "DDI002"
    let title = "Invalid number"
    let defaultSeverity = Severity.error
    let summary = "invalid number: not E.164, or not valid for its country by libphonenumber's metadata (range blocks at both ends, against the range's `country`)"
    let rationale = """
    A number that is not E.164 (+, country code, national number, at most 15 digits) cannot be \
    assigned in Teams, and a number that is not valid in its country according to libphonenumber's \
    metadata is almost always a typo: a digit too many or too few, or a transposed area code. Range \
    blocks are checked at both ends and against the range's country; blocks in number entries at both \
    ends; `external:` routing targets too.
    """
    // Computed, not stored: the rule catalog is built on every run, the examples only for `ddi explain` and the tests.
    var examples: [RuleExample] { [
        .valid("a Danish fixed-line number inside a Danish range", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: "+4533121900"
            status: external
            kind: device
            owner: facilities@contoso.com
        """)),
        .invalid("a digit too many", message: "+45331219001 is not a valid phone number", ExampleSnippets.file("numbers.yaml", """
        numbers:
          - number: ↓"+45331219001"
            status: external
            kind: device
            owner: facilities@contoso.com
        """), ExampleSnippets.file("ddi.yaml", "version: 1\npolicy:\n  require_range: false\n")),
        .invalid("not E.164: national format", message: "33121900 is not an E.164 number: it must start with +", ExampleSnippets.file("numbers.yaml", """
        \(ExampleSnippets.copenhagenRange)
        numbers:
          - number: ↓"33121900"
            status: external
            kind: device
            owner: facilities@contoso.com
        """)),
        .invalid("a range block whose end is not a Danish number", message: "+4633121999 is not a valid DK number: libphonenumber places it in SE", ExampleSnippets.file("ranges.yaml", """
        ranges:
          - id: cph-hq
            block: ↓"+4533121000..+4633121999"
            source: operator-connect
            country: DK
        """)),
    ] }

    func check(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let validator = context.phoneNumbers
        for range in context.ranges {
            if let problem = range.shapeProblem, let text = range.blockText {
                findings.add("range \(range.id.value): \(problem)", at: text.location)
                continue
            }
            guard let span = range.span else { continue }
            if let country = range.country, !validator.isKnownRegion(country.value) {
                findings.add("range \(range.id.value): '\(country.value)' is not a country libphonenumber knows", at: country.location)
                continue
            }
            for end in Set([span.value.first, span.value.last]).sorted() {
                if let problem = verdict(end, country: range.country?.value, validator: validator) {
                    findings.add("range \(range.id.value): \(problem)", at: span.location)
                }
            }
        }
        for (index, entry) in context.numbers.enumerated() {
            if let problem = entry.shapeProblem {
                findings.add(problem, at: entry.text.location)
                continue
            }
            guard let span = entry.span else { continue }
            // The range's country by index: copying the whole range per number was measurable.
            let country = context.declaringRange[index].flatMap { context.ranges[$0].country?.value }
            // Both ends, once each and in order, without a Set or an array per entry (README "Performance").
            let first = span.first.withoutExtension(), last = span.last.withoutExtension()
            if let problem = verdict(first == last ? first : min(first, last), country: country, validator: validator) {
                findings.add(problem, at: entry.text.location)
            }
            if first != last, let problem = verdict(max(first, last), country: country, validator: validator) {
                findings.add(problem, at: entry.text.location)
            }
        }
        for route in context.routing {
            for link in route.links {
                guard case .external(let text) = link.target else { continue }
                switch PhoneNumber.parse(Substring(text)) {
                case .failure(let error):
                    findings.add("routing \(route.id.value) \(link.field): \(error.message)", at: link.text.location)
                case .success(let number):
                    if let problem = verdict(number, country: nil, validator: validator) {
                        findings.add("routing \(route.id.value) \(link.field): \(problem)", at: link.text.location)
                    }
                }
            }
        }
    }

    /// Nil when the number is valid (for `country` when given), else why not.
    private func verdict(_ number: PhoneNumber, country: String?, validator: PhoneNumberValidator) -> String? {
        // The region check is the cheap call, from the number's value without its digits as text;
        // the full region list is needed only to explain a failure.
        if let country {
            if validator.isValid(number, region: country) { return nil }
        } else if validator.isValid(number) {
            return nil
        }
        let digits = Substring(number.digits)
        let regions = validator.validRegions(e164Digits: digits)
        if regions.isEmpty {
            return "\(number.e164) is not a valid phone number (libphonenumber \(PhoneNumberValidator.metadataVersion))"
        }
        if let country, !regions.contains(country) {
            return "\(number.e164) is not a valid \(country) number: libphonenumber places it in \(regions.joined(separator: ", "))"
        }
        return nil
    }
}
