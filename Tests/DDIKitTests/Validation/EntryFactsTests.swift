import XCTest
@testable import DDIKit

/// The rules that read `EntryFacts` against the same rules walking the entries themselves, as they
/// were before (README "Performance"): the same findings on every example, damaged copy and
/// generated inventory, on days that make the date rules report; and every fact equal to its entry.
final class EntryFactsTests: XCTestCase {
    private static let days = ["2020-01-01", "2026-11-27", "2031-06-30"]

    /// The examples, 25 damaged copies of each, generated inventories and one written to trip each rule.
    private func inventories() throws -> [(label: String, loaded: LoadedInventory)] {
        var inventories: [(String, LoadedInventory)] = try ReaderComparison.damagedExamples(seed: 0xFAC7).map { copy in
            (copy.label, InventoryLoader.load(config: copy.config, files: copy.files))
        }
        let config = InventorySourceFile(path: "ddi.yaml", text: "version: 1\n")
        for seed: UInt64 in [4, 5, 20261130] {
            var generator = InventoryTextGenerator(seed: seed)
            let files = (0..<3).map { InventorySourceFile(path: "gen-\($0).yaml", text: generator.file(entries: 200, fileIndex: $0)) }
            inventories.append(("generated \(seed)", InventoryLoader.load(config: config, files: files)))
        }
        inventories.append(("tripwires", InventoryLoader.load(config: config, files: [InventorySourceFile(path: "t.yaml", text: Self.tripwires)])))
        return inventories
    }

    /// Entries that each rule reports: primaries held twice (in other case), extensions and blocks
    /// declared twice, missing fields, stale, future and missing reviews, reservations, quarantines,
    /// unsupported kinds and extensions for their range's source, a route to nowhere.
    private static let tripwires = """
    ranges:
      - id: dr
        block: "+4533121000..+4533121999"
        source: direct-routing
        country: DK
      - id: oc
        block: "+4533122000..+4533122999"
        source: operator-connect
        country: DK
    numbers:
      - number: "+4533121000"
        status: assigned
        kind: user
        assigned_to: anna@contoso.com
        owner: anna@contoso.com
        reviewed: 2026-05-02
      - number: "+4533121001"
        status: assigned
        kind: user
        assigned_to: ANNA@contoso.com
        owner: anna@contoso.com
        reviewed: 2031-05-02
      - number: "+4533121002"
        status: assigned
        kind: user
        assigned_to: Anna@Contoso.com
        owner: anna@contoso.com
      - number: "+4533121003"
        status: assigned
        kind: conference
        assigned_to: anna@contoso.com
        owner: anna@contoso.com
        reviewed: 2019-05-02
      - number: "+4533121004;ext=12"
        status: assigned
        kind: user
        assigned_to: bo@contoso.com
        owner: bo@contoso.com
        reviewed: 2026-05-02
      - number: "+4533121004;ext=12"
        status: free
      - number: "+4533121004;ext=13"
        status: free
      - block: "+4533121010..+4533121019"
        status: reserved
        until: 2026-12-01
        reason: move
      - number: "+4533121015"
        status: quarantine
        since: 2026-01-01
      - block: "+4533121012..+4533121030"
        status: quarantine
      - number: "+4533122000"
        status: assigned
        kind: device
        owner: facilities@contoso.com
        reviewed: 2026-05-02
      - number: "+4533122001;ext=7"
        status: reserved
        until: 2027-12-01
      - number: "+4533121040"
        status: assigned
        kind: auto-attendant
        assigned_to: aa@contoso.com
        owner: aa@contoso.com
        reviewed:
      - number: "+4533121041"
        status: reserved
        until: 2019-12-01
        reason: old
      - number: "+4533121042"
        status: assigned
        category: private
        kind: user
        assigned_to: anna@contoso.com
        owner: anna@contoso.com
        reviewed: 2026-05-02
      - number: "+4533121043"
        status: assigned
        kind: call-queue
        assigned_to: cq@contoso.com
        owner: cq@contoso.com
        routing: nowhere
        reviewed: 2026-05-02

    """

    /// Each rule on facts, and its entry walk as it was, with the same ID, severity and examples.
    private static let pairs: [(ValidationRule, EntryWalk)] = [
        (MissingFieldRule(), EntryWalk(rule: MissingFieldRule(), walk: walkMissingField)),
        (SourceSupportRule(), EntryWalk(rule: SourceSupportRule(), walk: walkSourceSupport)),
        (ReservationRule(), EntryWalk(rule: ReservationRule(), walk: walkReservation)),
        (DuplicateNumberRule(), EntryWalk(rule: DuplicateNumberRule(), walk: walkDuplicateNumber)),
        (QuarantineOverRule(), EntryWalk(rule: QuarantineOverRule(), walk: walkQuarantineOver)),
        (ReviewAgeRule(), EntryWalk(rule: ReviewAgeRule(), walk: walkReviewAge)),
        (SecondPrimaryRule(), EntryWalk(rule: SecondPrimaryRule(), walk: walkSecondPrimary)),
        (RoutingReferenceRule(), EntryWalk(rule: RoutingReferenceRule(), walk: walkRoutingReference)),
    ]

    func testRulesOnFactsFindWhatTheEntryWalksFound() throws {
        var findings = 0
        for (label, loaded) in try inventories() {
            for day in Self.days {
                let today = try XCTUnwrap(Day(iso: day))
                let context = ValidationContext(inventory: loaded.inventory, today: today)
                for (rule, walk) in Self.pairs {
                    var onFacts = RuleFindings(), walked = RuleFindings()
                    rule.check(context, &onFacts)
                    walk.check(context, &walked)
                    var a = "", b = ""
                    dump(onFacts.items, to: &a)
                    dump(walked.items, to: &b)
                    XCTAssertEqual(a, b, "\(rule.id) on \(label), \(day)")
                    findings += walked.items.count
                }
                XCTAssertEqual(Validator.validate(loaded, today: today).diagnostics,
                               Validator.validate(loaded, today: today, rules: Self.rulesWithWalks).diagnostics, "\(label), \(day)")
            }
        }
        XCTAssertGreaterThan(findings, 500, "the rules hardly reported anything: the comparison proves little")
    }

    /// The whole catalogue with each fact-reading rule swapped for its entry walk.
    private static var rulesWithWalks: [any ValidationRule] {
        RuleCatalog.all.map { rule in pairs.first { $0.0.id == rule.id }?.1 ?? rule }
    }

    func testEveryRuleOnFactsHasItsWalkAndTheTripwiresTripThem() throws {
        let loaded = InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"),
                                          files: [InventorySourceFile(path: "t.yaml", text: Self.tripwires)])
        let diagnostics = Validator.validate(loaded, today: try XCTUnwrap(Day(iso: "2026-11-27"))).diagnostics
        for (rule, _) in Self.pairs {
            XCTAssertTrue(diagnostics.contains { $0.ruleID == rule.id }, "the tripwires do not trip \(rule.id)")
        }
    }

    func testFactsAreTheirEntriesFields() throws {
        for (label, loaded) in try inventories() {
            let context = ValidationContext(inventory: loaded.inventory, today: Day(daysSinceEpoch: 0))
            XCTAssertEqual(context.facts.count, context.numbers.count, label)
            for (fact, entry) in zip(context.facts, context.numbers) {
                XCTAssertEqual(fact.status, entry.status?.value, label)
                XCTAssertEqual(fact.kind, entry.kind?.value, label)
                XCTAssertEqual(fact.category, entry.category?.value, label)
                XCTAssertEqual(fact.effectiveCategory, entry.effectiveCategory, label)
                XCTAssertEqual(fact.writtenKeys, entry.writtenKeys, label)
                XCTAssertEqual(fact.reviewed, entry.reviewed?.value, label)
                XCTAssertEqual(fact.since, entry.since?.value, label)
                XCTAssertEqual(fact.until, entry.until?.value, label)
                XCTAssertEqual(fact.flags.contains(.hasSpan), entry.span != nil, label)
                XCTAssertEqual(fact.flags.contains(.hasExtension), entry.span?.first.phoneExtension != nil, label)
                XCTAssertEqual(fact.flags.contains(.hasAssignedTo), entry.assignedTo != nil, label)
                XCTAssertEqual(fact.flags.contains(.hasRouting), entry.routing != nil, label)
                if let span = entry.span {
                    XCTAssertEqual(fact.lowerKey, span.lowerKey, label)
                    XCTAssertEqual(fact.upperKey, span.upperKey, label)
                }
            }
        }
    }

    /// The table against a dictionary, with hashes that collide on purpose and a table that must grow.
    func testFirstIndexTableKeepsTheFirstOfEachKeyLikeADictionary() {
        var random = TestRandom(seed: 0x7AB1E)
        for hashOf in [{ (key: Int) in key.hashValue }, { (key: Int) in key % 3 }, { (_: Int) in 42 }] {
            var table = FirstIndexTable(capacity: 4)
            var dictionary: [Int: Int] = [:]
            let keys = (0..<600).map { _ in random.below(150) }
            for (index, key) in keys.enumerated() {
                let found = table.firstIndex(hash: hashOf(key), orInsert: index) { keys[$0] == key }
                let expected = dictionary[key]
                if expected == nil { dictionary[key] = index }
                XCTAssertEqual(found, expected, "key \(key) at \(index)")
            }
        }
    }
}

/// A rule as it was before `EntryFacts`: the fact-reading rule's ID, severity and texts, the old walk.
private struct EntryWalk: ValidationRule {
    let rule: any ValidationRule
    let walk: @Sendable (ValidationContext, inout RuleFindings) -> Void
    var id: String { rule.id }
    var title: String { rule.title }
    var defaultSeverity: Severity { rule.defaultSeverity }
    var rationale: String { rule.rationale }
    var examples: [RuleExample] { rule.examples }
    func check(_ context: ValidationContext, _ findings: inout RuleFindings) { walk(context, &findings) }
}

// The entry walks, copied from the rules at 163df1a.
extension EntryFactsTests {
    // MissingFieldRule, as it was
    static func walkMissingField(_ context: ValidationContext, _ findings: inout RuleFindings) {
        for entry in context.numbers {
            guard let status = entry.status?.value else { continue }
            // Most entries have every key they need: one mask test, without building the lists
            // and comparing key names (README "Performance").
            var neededMask = MissingFieldRule.requiredMask[status] ?? KeySet()
            if status == .assigned, let kind = entry.kind?.value { neededMask.formUnion(MissingFieldRule.requiredByKindMask[kind] ?? KeySet()) }
            if entry.writtenKeys.isSuperset(of: neededMask) { continue }
            var needed = MissingFieldRule.required[status] ?? []
            if status == .assigned, let kind = entry.kind?.value { needed += MissingFieldRule.requiredByKind[kind] ?? [] }
            let missing = needed.filter { !entry.writtenKeys.contains($0) }
            guard !missing.isEmpty else { continue }
            let fields = missing.map { "'\($0)'" }.joined(separator: ", ")
            let subject = entry.status?.value == .assigned && entry.kind != nil && missing == ["routing"]
                ? "\(entry.text.value) is \(Wording.withArticle(entry.kind?.value.rawValue ?? "")) number"
                : "\(entry.text.value) is \(status.rawValue)"
            findings.add("\(subject) but has no \(fields)", at: entry.location)
        }
    }

    // SourceSupportRule, as it was
    static func walkSourceSupport(_ context: ValidationContext, _ findings: inout RuleFindings) {
        for (index, entry) in context.numbers.enumerated() {
            // The range is read by index, and copied only to report: copying it per number was measurable.
            guard entry.status?.value != .external, let rangeIndex = context.declaringRange[index],
                  let source = context.ranges[rangeIndex].source?.value else { continue }
            let extensionUnsupported = entry.span?.first.phoneExtension != nil && source != .directRouting
            let kindUnsupported = entry.kind.map { SourceSupportRule.unsupportedKinds[source]?.contains($0.value) == true } ?? false
            guard extensionUnsupported || kindUnsupported else { continue }
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

    // ReservationRule, as it was
    static func walkReservation(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let policy = context.policy
        for entry in context.numbers where entry.status?.value == .reserved {
            guard let until = entry.until else { continue }
            switch policy.reservationStanding(until: until.value, today: context.today) {
            case .expired:
                findings.add("reservation of \(entry.text.value) expired on \(until.value)", at: until.location, severity: .warning)
            case .tooLong(let ahead):
                findings.add("reservation of \(entry.text.value) runs until \(until.value), \(ahead) days from today; policy.reservation_max_days allows \(policy.reservationMaxDays)", at: until.location)
            case .withinPolicy:
                break
            }
        }
    }

    // DuplicateNumberRule, as it was
    static func walkDuplicateNumber(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let numbers = context.numbers
        // Plain numbers and blocks: a sweep keeping the entry that reaches furthest so far.
        var furthest: Int?
        var firstWithExtension: [PhoneNumber: Int] = [:]
        for index in context.numbersInOrder {
            guard let span = numbers[index].span else { continue }
            if span.first.phoneExtension != nil {
                if let first = firstWithExtension[span.first] {
                    report(index, duplicates: first, numbers, &findings)
                } else {
                    firstWithExtension[span.first] = index
                }
                continue
            }
            if let previous = furthest, let previousSpan = numbers[previous].span, span.lowerKey <= previousSpan.upperKey {
                report(index, duplicates: previous, numbers, &findings)
                if span.upperKey <= previousSpan.upperKey { continue }
            }
            furthest = index
        }
    }

    private static func report(_ index: Int, duplicates earlier: Int, _ numbers: [NumberEntry], _ findings: inout RuleFindings) {
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

    // QuarantineOverRule, as it was
    static func walkQuarantineOver(_ context: ValidationContext, _ findings: inout RuleFindings) {
        for entry in context.numbers where entry.status?.value == .quarantine {
            guard let since = entry.since else { continue }
            if context.policy.isQuarantineOver(since: since.value, today: context.today) {
                let ends = context.policy.quarantineEnd(since: since.value)
                findings.add("quarantine of \(entry.text.value) ended on \(ends): it can become free", at: since.location)
            }
        }
    }

    // ReviewAgeRule, as it was
    static func walkReviewAge(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let policy = context.policy
        for entry in context.numbers where entry.status?.value == .assigned {
            guard let reviewed = entry.reviewed else {
                if !entry.writtenKeys.contains("reviewed") {
                    findings.add("\(entry.text.value) has never been reviewed (add 'reviewed: YYYY-MM-DD')", at: entry.location)
                }
                continue
            }
            switch policy.reviewStanding(reviewed: reviewed.value, today: context.today) {
            case .inFuture:
                findings.add("\(entry.text.value) was reviewed on \(reviewed.value), which is in the future", at: reviewed.location)
            case .stale(let age):
                findings.add("\(entry.text.value) was last reviewed on \(reviewed.value), \(age) days ago; policy.review_max_age_days is \(policy.reviewMaxAgeDays)", at: reviewed.location)
            case .current, .neverReviewed:
                break
            }
        }
    }

    // SecondPrimaryRule, as it was
    static func walkSecondPrimary(_ context: ValidationContext, _ findings: inout RuleFindings) {
        let numbers = context.numbers
        var firstPrimary: [String: Int] = [:]
        // Sized once, for every entry (at most one table size more than the primaries alone need):
        // growing it step by step rehashed every key some seventeen times, and counting the primaries
        // first was a second walk over 100,000 entries (README "Performance").
        firstPrimary.reserveCapacity(numbers.count)
        // Entries are in file and line order (the loader sorts files), so the first seen is the first declared.
        for index in numbers.indices {
            let entry = numbers[index]
            // A bridge and a shared-calling policy hold any number of numbers; only identities have one primary.
            guard entry.status?.value == .assigned, entry.effectiveCategory == .primary,
                  entry.kind?.value != .conference, entry.kind?.value != .sharedCalling,
                  let identity = entry.assignedTo else { continue }
            let key = Identity.normalized(identity.value)
            // One hash per identity: store, and put the first back in the rare case there was one.
            guard let first = firstPrimary.updateValue(index, forKey: key) else { continue }
            firstPrimary[key] = first
            let firstText = numbers[first].text
            findings.add(
                "\(identity.value) already holds primary number \(firstText.value) (at \(firstText.location)); mark one 'category: private'",
                at: identity.location,
                related: [RelatedLocation(firstText.location, "first primary number")]
            )
        }
    }

    // RoutingReferenceRule, as it was
    static func walkRoutingReference(_ context: ValidationContext, _ findings: inout RuleFindings) {
        var entries: [String: RoutingEntry] = [:]
        for entry in context.routing where entries[entry.id.value] == nil { entries[entry.id.value] = entry }
        let ids = Array(entries.keys).sorted()
        for number in context.numbers {
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

    private static func expectedType(of kind: NumberKind) -> RoutingType? {
        switch kind {
        case .autoAttendant: .autoAttendant
        case .callQueue: .callQueue
        default: nil
        }
    }
}
