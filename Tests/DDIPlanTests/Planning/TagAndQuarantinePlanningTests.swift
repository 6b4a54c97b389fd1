import DDIKit
import XCTest
@testable import DDIPlan

/// Issue 11 item 3 (tags compare without regard to case) and item 5 (Teams' quarantine: the unassign
/// into quarantine blocks the number for the remaining days; a blocked number is never assigned).
final class TagAndQuarantinePlanningTests: XCTestCase {
    private func user1(_ number: String = Documented.omahaNumber, tags: String) -> String {
        """
          - number: "\(number)"
            status: assigned
            kind: user
            assigned_to: user1@contoso.com
            owner: user1@contoso.com
            tags: \(tags)

        """
    }

    // MARK: tags

    func testTagsDifferingOnlyInCaseAreNoChange() {
        // Example 13 lists the tag `Engineering`; "Tags are not case sensitive".
        let plan = Documented.plan(Documented.inventory(user1(tags: "[engineering]")), [Documented.omaha(tags: ["Engineering"])])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings, [])
    }

    func testARealTagChangeKeepsTheLiveSpellingSoNothingCancelsOut() {
        let plan = Documented.plan(Documented.inventory(user1(tags: "[engineering, switchboard]")), [Documented.omaha(tags: ["Engineering"])])
        XCTAssertEqual(plan.actions.count, 1)
        let action = plan.actions[0]
        XCTAssertEqual(action.changes, [.tags])
        XCTAssertEqual(action.tags, ["Engineering", "switchboard"])
        // What the providers add and remove: only the tag that is really new.
        let before = Set((action.before?.tags ?? []).map { $0.lowercased() })
        let after = Set((action.after.tags ?? []).map { $0.lowercased() })
        XCTAssertEqual(after.subtracting(before), ["switchboard"])
        XCTAssertEqual(before.subtracting(after), [])
        XCTAssertEqual(action.after.tags, ["Engineering", "switchboard"], "no spelling of the same tag is removed")
    }

    func testDuplicateTagsInOtherCaseAreOneTag() {
        let plan = Documented.plan(Documented.inventory(user1(tags: "[Engineering, ENGINEERING]")), [Documented.omaha(tags: ["engineering"])])
        XCTAssertEqual(plan.actions, [])
    }

    // MARK: quarantine blocks

    private func quarantined(since: String) -> String {
        """
          - number: "\(Documented.omahaNumber)"
            status: quarantine
            since: \(since)

        """
    }

    func testUnassignIntoQuarantineBlocksForTheRemainingDays() {
        // quarantine_days 90 from 2026-11-17: it ends 2027-02-15, 80 days after 2026-11-27.
        let plan = Documented.plan(Documented.inventory(quarantined(since: "2026-11-17")), [Documented.omaha()], today: Day(iso: "2026-11-27"))
        XCTAssertEqual(plan.actions.map(\.kind), [.unassign])
        XCTAssertEqual(plan.actions.first?.assignmentBlockDays, 80)
        XCTAssertEqual(plan.actions.first?.target.kind, .user)
    }

    func testQuarantineBlockIsClampedTo365Days() {
        let config = "version: 1\npolicy:\n  quarantine_days: 500\n"
        let inventory = Documented.inventory(quarantined(since: "2026-11-27"), config: config)
        let plan = Documented.plan(inventory, [Documented.omaha()], today: Day(iso: "2026-11-27"))
        XCTAssertEqual(plan.actions.first?.assignmentBlockDays, 365, "Set-CsPhoneNumberAssignmentBlock accepts 1...365 days")
    }

    func testQuarantineAlreadyOverBlocksNothing() {
        let plan = Documented.plan(Documented.inventory(quarantined(since: "2026-01-01")), [Documented.omaha()], today: Day(iso: "2026-11-27"))
        XCTAssertEqual(plan.actions.map(\.kind), [.unassign])
        XCTAssertNil(plan.actions.first?.assignmentBlockDays)
    }

    func testUnassignToFreeBlocksNothing() {
        let inventory = Documented.inventory("  - number: \"\(Documented.omahaNumber)\"\n    status: free\n")
        XCTAssertNil(Documented.plan(inventory, [Documented.omaha()]).actions.first?.assignmentBlockDays)
    }

    func testAssigningABlockedNumberIsAnErrorNeverAStep() {
        // Example 14: +14025551234 unassigned with AssignmentBlockedState BlockedForever.
        var live = Documented.omaha(status: .unassigned)
        live.assignmentBlock = AssignmentBlock(forever: true)
        let plan = Documented.plan(Documented.inventory(user1(tags: "[]")), [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.assignmentBlocked])
        XCTAssertEqual(plan.findings.first?.severity, .error)
    }

    func testReassigningABlockedNumberIsAnError() {
        var live = Documented.omaha(target: Documented.user2.objectID)
        live.assignmentBlock = AssignmentBlock(forever: false, until: "2027-01-31")
        let plan = Documented.plan(Documented.inventory(user1(tags: "[]")), [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.assignmentBlocked])
    }

    func testABlockThatEndedNoLongerStopsTheAssign() {
        var live = Documented.omaha(status: .unassigned)
        live.assignmentBlock = AssignmentBlock(forever: false, until: "2026-11-01")
        let plan = Documented.plan(Documented.inventory(user1(tags: "[]")), [live], today: Day(iso: "2026-11-27"))
        XCTAssertEqual(plan.actions.map(\.kind), [.assign])
        XCTAssertEqual(plan.findings, [])
    }

    func testBlockOnAFreeOrReservedNumberIsAWarning() {
        var live = Documented.omaha(status: .unassigned)
        live.assignmentBlock = AssignmentBlock(forever: true)
        for status in ["free", "reserved\n    until: 2027-01-01\n    reason: pilot"] {
            let inventory = Documented.inventory("  - number: \"\(Documented.omahaNumber)\"\n    status: \(status)\n")
            let plan = Documented.plan(inventory, [live])
            XCTAssertEqual(plan.actions, [])
            XCTAssertEqual(plan.findings.map(\.kind), [.assignmentBlocked], status)
            XCTAssertEqual(plan.findings.first?.severity, .warning)
        }
    }

    func testBlockOnAQuarantinedNumberIsExpected() {
        var live = Documented.omaha(status: .unassigned)
        live.assignmentBlock = AssignmentBlock(forever: false, until: "2027-02-15")
        let plan = Documented.plan(Documented.inventory(quarantined(since: "2026-11-17")), [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings, [])
    }
}
