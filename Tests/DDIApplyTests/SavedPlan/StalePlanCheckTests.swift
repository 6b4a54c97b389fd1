import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

final class StalePlanCheckTests: XCTestCase {
    static let anna = "00000000-0000-4000-8000-000000000001"
    static let bo = "00000000-0000-4000-8000-000000000002"
    static let carl = "00000000-0000-4000-8000-000000000003"

    func testStaleComparison() {
        let saved = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042"), PlanFixtures.action(.unassign, "+4533121050")])
        XCTAssertEqual(StalePlanCheck.differences(saved: saved, current: saved), [])
        // A different declaring line does not make a plan stale; a different target does.
        var moved = saved
        moved.actions[0].declaredAt.line = 99
        XCTAssertEqual(StalePlanCheck.differences(saved: saved, current: moved), [])
        let current = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", target: Self.bo, upn: "bo@contoso.com")],
                                        digest: "sha256:" + String(repeating: "b", count: 64))
        let lines = StalePlanCheck.differences(saved: saved, current: current)
        XCTAssertEqual(lines.count, 4, "\(lines)")
        XCTAssertEqual(lines[0], "+4533121042: the saved plan does assign anna@contoso.com; planning now gives assign bo@contoso.com"
            + " (target anna@contoso.com (\(Self.anna)) → bo@contoso.com (\(Self.bo));"
            + " resulting holder anna@contoso.com (\(Self.anna)) → bo@contoso.com (\(Self.bo)))")
        XCTAssertEqual(lines[1], "+4533121050: the saved plan does unassign anna@contoso.com; planning now gives nothing")
        XCTAssertEqual(lines[2], "summary: the saved plan counts 1 to unassign, planning now gives 0")
        XCTAssertTrue(lines[3].hasPrefix("why: the declared state changed"))
    }

    /// Item 5: a reassign saved when A held the number must not take it from B.
    func testPreviousHolderChangedMakesThePlanStale() {
        let heldByBo = AssignmentState(status: "user-assigned", assignedTo: "bo@contoso.com", objectID: Self.bo, category: .primary)
        let heldByCarl = AssignmentState(status: "user-assigned", assignedTo: "carl@contoso.com", objectID: Self.carl, category: .primary)
        let saved = PlanFixtures.plan([PlanFixtures.action(.reassign, "+4533121042", before: heldByBo)])
        let current = PlanFixtures.plan([PlanFixtures.action(.reassign, "+4533121042", before: heldByCarl)])
        let lines = StalePlanCheck.differences(saved: saved, current: current)
        XCTAssertEqual(lines, ["+4533121042: the saved plan does reassign anna@contoso.com from bo@contoso.com (\(Self.bo));"
            + " planning now gives reassign anna@contoso.com from carl@contoso.com (\(Self.carl))"
            + " (previous holder bo@contoso.com (\(Self.bo)) → carl@contoso.com (\(Self.carl)))"])
        // The same holder under another object id (the account was re-created) is a change too.
        var recreated = heldByBo
        recreated.objectID = Self.carl
        let sameName = StalePlanCheck.differences(saved: saved, current: PlanFixtures.plan([PlanFixtures.action(.reassign, "+4533121042", before: recreated)]))
        XCTAssertEqual(sameName.count, 1)
        XCTAssertTrue(sameName[0].hasSuffix("(previous holder bo@contoso.com (\(Self.bo)) → bo@contoso.com (\(Self.carl)))"), sameName[0])
    }

    func testPreviousTagsLocationCategoryAndPresenceAreCompared() {
        let before = AssignmentState(status: "user-assigned", assignedTo: "anna@contoso.com", objectID: Self.anna, category: .primary,
                                     locationID: "loc-1", tags: ["Sales"])
        let saved = PlanFixtures.plan([PlanFixtures.action(.update, "+4533121042", tags: ["Support"], before: before, changes: [.tags])])
        var now = before
        now.tags = ["Sales", "VIP"]
        now.locationID = "loc-2"
        now.category = .private
        let current = PlanFixtures.plan([PlanFixtures.action(.update, "+4533121042", tags: ["Support"], before: now, changes: [.tags])])
        let lines = StalePlanCheck.differences(saved: saved, current: current)
        XCTAssertEqual(lines.count, 1, "\(lines)")
        XCTAssertTrue(lines[0].hasSuffix("(previous tags [Sales] → [Sales, VIP]; previous location loc-1 → loc-2; previous category primary → private)"), lines[0])

        // Planned while the number was not in the tenant (Direct Routing), now it is.
        let absent = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042")])
        let present = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", before: AssignmentState(status: "unassigned"))])
        let presence = StalePlanCheck.differences(saved: absent, current: present)
        XCTAssertEqual(presence.count, 1)
        XCTAssertTrue(presence[0].hasSuffix("(previous state not in the tenant → unassigned, held by nobody)"), presence[0])
    }

    /// Item 4: the saved plan's numbers are compared, never used.
    func testForgedSummaryMakesThePlanStale() {
        let actions = [PlanFixtures.action(.unassign, "+4533121042")]
        let current = PlanFixtures.plan(actions, liveAssigned: 10)
        var forged = current
        forged.summary.liveAssigned = 1000
        XCTAssertEqual(StalePlanCheck.differences(saved: forged, current: current),
                       ["summary: the saved plan counts 1000 live assignments, the snapshot now has 10"])
        var uncounted = current
        uncounted.summary.unassign = 0
        uncounted.summary.errors = 2
        XCTAssertEqual(StalePlanCheck.differences(saved: uncounted, current: current),
                       ["summary: the saved plan counts 0 to unassign, planning now gives 1",
                        "summary: the saved plan has 2 error findings, planning now gives 0"])
    }

    func testValuesInTheLinesAreEscaped() {
        let hostile = "eve@contoso.com\u{1B}[2J\n::error::forged"
        let saved = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", upn: hostile)])
        let current = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042")])
        for line in StalePlanCheck.differences(saved: saved, current: current) {
            XCTAssertFalse(line.contains("\u{1B}") || line.contains("\n"), line)
            XCTAssertTrue(line.contains("eve@contoso.com\\u{1B}[2J\\n::error::forged"), line)
        }
    }
}
