import DDIGit
import DDIKit
import DDITestSupport
import XCTest
@testable import DDIReports

/// The finance list: idle numbers that cost money, longest idle first (issue 14, item 19). The
/// inventory is ReportTests': r1 (+4533121000..+4533121099, operator-connect, 2.00 DKK a month) has
/// 78 free numbers and a reservation of 5 that ended on 2026-10-01; r2 has no cost.
final class HandBackListTests: XCTestCase {
    let inventory = ReportTests.inventory()
    let today = ReportTests.today

    func key(_ text: String) throws -> UInt64 { try PhoneNumber.parse(Substring(text)).get().key }
    func day(_ text: String) throws -> Day { try XCTUnwrap(Day(iso: text)) }

    func summary(_ list: HandBackList) -> [String] {
        list.runs.map { "\($0.numbers) \($0.count) \($0.reason.rawValue) \(Figures.idleSince($0.idleSince))" }
    }

    func testWithoutHistoryTheEndedReservationComesFirstAndFreeRunsByCost() throws {
        let list = HandBackList.build(inventory: inventory, today: today, touches: nil, held: nil)
        XCTAssertEqual(summary(list), [
            "+4533121020..+4533121024 5 expired-reservation 2026-10-02",
            "+4533121042..+4533121098 57 free unknown", // undeclared 42-49 and 60-98, declared free 50-59: one run
            "+4533121031..+4533121039 9 free unknown",
            "+4533121003..+4533121009 7 free unknown",
            "+4533121025..+4533121029 5 free unknown",
        ])
        XCTAssertEqual(list.numbers, 83) // 78 free + 5 whose reservation ended; quarantine is not idle
        XCTAssertEqual(list.monthlySaving, ["DKK": 166])
        XCTAssertEqual(list.yearlySaving, ["DKK": 1992])
        XCTAssertFalse(list.runs.contains { $0.rangeID == "r2" }, "r2 has no cost")
        XCTAssertFalse(list.countsHeldNumbersOnly)
    }

    func testHistoryDatesEachRunByTheLastChangeToItsDeclaration() throws {
        let touches = DeclarationTouches(touches: [
            .init(lower: try key("+4533121050"), upper: try key("+4533121059"), day: try day("2026-03-01")),
            .init(lower: try key("+4533121000"), upper: try key("+4533121099"), day: try day("2025-07-01")), // older, painted over
            .init(lower: try key("+4533121003"), upper: try key("+4533121003"), day: try day("2026-05-01")),
            .init(lower: try key("+4533121050"), upper: try key("+4533121052"), day: try day("2025-12-01")), // older than 2026-03-01
        ], firstDay: try day("2025-06-01"))
        let list = HandBackList.build(inventory: inventory, today: today, touches: touches, held: nil)
        XCTAssertEqual(summary(list), [
            "+4533121060..+4533121098 39 free 2025-07-01", // oldest first, then costliest first
            "+4533121031..+4533121039 9 free 2025-07-01",
            "+4533121042..+4533121049 8 free 2025-07-01",
            "+4533121004..+4533121009 6 free 2025-07-01",
            "+4533121025..+4533121029 5 free 2025-07-01",
            "+4533121050..+4533121059 10 free 2026-03-01",
            "+4533121003 1 free 2026-05-01",
            "+4533121020..+4533121024 5 expired-reservation 2026-10-02", // the day after the reservation ended
        ])
        // Never touched, or last touched by the first commit: idle as long as the history goes back, listed first.
        let untouched = DeclarationTouches(touches: [
            .init(lower: try key("+4533121010"), upper: try key("+4533121049"), day: try day("2025-07-01")),
            .init(lower: try key("+4533121003"), upper: try key("+4533121009"), day: try day("2025-06-01")),
        ], firstDay: try day("2025-06-01"))
        let runs = HandBackList.build(inventory: inventory, today: today, touches: untouched, held: nil).runs
        XCTAssertEqual(runs.prefix(3).map { "\($0.numbers) \(Figures.idleSince($0.idleSince))" }, [
            "+4533121050..+4533121098 2025-06-01 or earlier", // never touched
            "+4533121003..+4533121009 2025-06-01 or earlier", // last touched by the first commit
            "+4533121031..+4533121039 2025-07-01",
        ])
    }

    func testWithALiveSnapshotOnlyNumbersTheTenantHoldsCount() throws {
        let held = HeldNumbers(numbers: try ["+4533121003", "+4533121004", "+4533121005", "+4533121006", "+4533121007", "+4533121008",
                                             "+4533121009", "+4533121020", "+4533121021", "+4533121060", "+4533121000", "+4533121000;ext=1",
                                             "+46850551005"].map { try PhoneNumber.parse(Substring($0)).get() })
        let list = HandBackList.build(inventory: inventory, today: today, touches: nil, held: held)
        XCTAssertEqual(summary(list), [
            "+4533121020..+4533121021 2 expired-reservation 2026-10-02",
            "+4533121003..+4533121009 7 free unknown",
            "+4533121060 1 free unknown",
        ])
        XCTAssertTrue(list.countsHeldNumbersOnly)
        XCTAssertEqual(list.notHeld, 73)
        XCTAssertEqual(list.yearlySaving, ["DKK": 240])
    }

    func testDirectRoutingRangesAreNotFilteredByTheSnapshot() throws {
        let inventory = InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"), files: [
            InventorySourceFile(path: "ranges.yaml", text: """
            ranges:
              - id: dr
                block: "+4538401100..+4538401109"
                source: direct-routing
                country: DK
                cost: { per_number_month: 1.50, currency: DKK }
              - id: zero
                block: "+4538401200..+4538401209"
                source: operator-connect
                country: DK
                cost: { per_number_month: 0, currency: DKK }

            """),
        ]).inventory
        let list = HandBackList.build(inventory: inventory, today: today, touches: nil, held: HeldNumbers(numbers: []))
        XCTAssertEqual(summary(list), ["+4538401100..+4538401109 10 free unknown"], "a range that costs nothing is not listed")
        XCTAssertEqual(list.notHeld, 0)
        XCTAssertEqual(list.monthlySaving, ["DKK": 15])
    }

    func testTheRenderersSayWhatToHandBack() throws {
        let report = CapacityReport.build(inventory: inventory, today: today, history: [])
        let text = try report.render(.text)
        XCTAssertTrue(text.contains("hand back these 83 numbers to save 1,992.00 DKK a year (166.00 DKK a month)"), text)
        XCTAssertTrue(text.contains("r1     +4533121020..+4533121024      5  reservation ended  2026-10-02   10.00 DKK    120.00 DKK"), text)
        let page = try HTMLPage(try report.render(.html))
        XCTAssertTrue(page.rows.contains(["r1", "+4533121042..+4533121098", "57", "free", "unknown", "114.00 DKK", "1,368.00 DKK"]), "\(page.rows)")
        XCTAssertTrue(try report.render(.html).contains("Hand back these 83 numbers to save <strong>1,992.00 DKK</strong> a year"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
        let handBack = try XCTUnwrap(object["hand_back"] as? [String: Any])
        XCTAssertEqual(handBack["numbers"] as? Int, 83)
        XCTAssertEqual(handBack["yearly_saving"] as? [String: Double], ["DKK": 1992])
        let runs = try XCTUnwrap(handBack["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.first?["idle_since"] as? String, "2026-10-02")
        XCTAssertEqual(runs.first?["reason"] as? String, "expired-reservation")
        XCTAssertTrue(runs.dropFirst().allSatisfy { !($0["idle_since"] is String) }, "no history: no day")
    }

    /// `longestIdleFirst` sorts keys, not runs: the same order as the stable sort of the runs by
    /// `IdleSince`, count (largest first) and first number that it replaced, on runs with many ties
    /// (equal days of either kind, equal counts, equal first numbers in different ranges).
    func testLongestIdleFirstIsTheStableSortOfTheRuns() {
        var generator = SeededGenerator(defaultSeed: 0x4E90_1503)
        for round in 0..<200 {
            let runs = (0..<Int.random(in: 0...300, using: &generator)).map { index in
                let day = Day(daysSinceEpoch: Int.random(in: -2...2, using: &generator) * 40_000)
                let since: HandBackList.IdleSince = [.orEarlier(day), .day(day), .unknown][Int.random(in: 0...2, using: &generator)]
                let first = PhoneNumber(value: 4_533_120_000 + UInt64.random(in: 0...5, using: &generator), digitCount: UInt64.random(in: 0...3, using: &generator) == 0 ? 12 : 10)
                return HandBackList.Run(rangeID: "r\(index)", first: first, last: first, count: UInt64.random(in: 1...3, using: &generator),
                                        reason: .free, idleSince: since, perNumberMonth: 1, currency: "DKK")
            }
            let expected = runs.enumerated().sorted { lhs, rhs in
                if lhs.element.idleSince != rhs.element.idleSince { return lhs.element.idleSince < rhs.element.idleSince }
                if lhs.element.count != rhs.element.count { return lhs.element.count > rhs.element.count }
                if lhs.element.first != rhs.element.first { return lhs.element.first < rhs.element.first }
                return lhs.offset < rhs.offset
            }.map(\.element)
            XCTAssertEqual(HandBackList.longestIdleFirst(runs), expected, "round \(round) \(generator.replay)")
        }
    }
}
