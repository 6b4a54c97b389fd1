import DDIKit
import XCTest
@testable import DDIPlan

/// Issue 11 items 6 (activation state, port-in, on-premises: findings; an error only when a needed
/// step is stopped) and 7 (the live number type wins; a differing range source is a finding).
final class NumberStatePlanningTests: XCTestCase {
    private let user1 = """
      - number: "+14025551234"
        status: assigned
        kind: user
        assigned_to: user1@contoso.com
        owner: user1@contoso.com

    """

    func testPendingStateStopsANeededAssign() {
        for state in [NumberActivationState.assignmentPending, .updatePending, .assignmentFailed, .updateFailed] {
            var live = Documented.omaha(status: .unassigned)
            live.activationState = state
            let plan = Documented.plan(Documented.inventory(user1), [live])
            XCTAssertEqual(plan.actions, [], "\(state)")
            XCTAssertEqual(plan.findings.map(\.kind), [.numberState], "\(state)")
            XCTAssertEqual(plan.findings.first?.severity, .error)
            XCTAssertTrue(plan.findings.first?.message.contains(state.rawValue) == true)
        }
    }

    func testPendingStateOnANumberThatNeedsNothingIsAWarning() {
        var live = Documented.omaha()
        live.activationState = .updatePending
        let plan = Documented.plan(Documented.inventory(user1), [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.numberState])
        XCTAssertEqual(plan.findings.first?.severity, .warning)
    }

    func testPortInOrderInProgressStopsAnAssign() {
        var live = Documented.omaha(status: .unassigned)
        live.portInOrderStatus = "InProgress"
        let plan = Documented.plan(Documented.inventory(user1), [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.severity), [.error])
        XCTAssertTrue(plan.findings[0].message.contains("port-in"))
    }

    func testEmptyPortInStatusIsNoOrder() {
        var live = Documented.omaha()
        live.portInOrderStatus = ""
        XCTAssertEqual(Documented.plan(Documented.inventory(user1), [live]).findings, [])
    }

    func testOnPremisesNumberThatNeedsNothingRaisesNothing() {
        // Example 11: a Direct Routing number with NumberSource OnPremises, assigned.
        let inventory = Documented.inventory("""
          - number: "+12065551000"
            status: assigned
            kind: user
            assigned_to: user2@contoso.com
            owner: user2@contoso.com

        """)
        let plan = Documented.plan(inventory, [Documented.seattle()])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings, [])
    }

    func testOnPremisesNumberCannotBeUnassignedOnline() {
        let inventory = Documented.inventory("""
          - number: "+12065551000"
            status: free

        """)
        let plan = Documented.plan(inventory, [Documented.seattle()])
        XCTAssertEqual(plan.actions, [], "Set-/Remove-CsPhoneNumberAssignment cannot change an OnPremises number")
        XCTAssertEqual(plan.findings.map(\.kind), [.numberState])
        XCTAssertEqual(plan.findings.first?.severity, .error)
        XCTAssertTrue(plan.findings.first?.message.contains("OnPremises") == true)
    }

    func testNumberTypeMismatchUsesTheLiveType() {
        // The Calling Plan number of example 1, declared in a Direct Routing range (ported in).
        let ranges = """
        ranges:
          - id: omaha-dr
            block: +14025551200..+14025551299
            source: direct-routing
            country: US

        """
        let plan = Documented.plan(Documented.inventory(user1, ranges: ranges), [Documented.omaha(status: .unassigned)])
        XCTAssertEqual(plan.actions.map(\.numberType), [.callingPlan], "Teams requires the live NumberType")
        XCTAssertEqual(plan.findings.map(\.kind), [.numberTypeMismatch])
        XCTAssertEqual(plan.findings.first?.severity, .warning)
    }

    func testUnassignUsesTheLiveTypeToo() {
        let ranges = """
        ranges:
          - id: omaha-oc
            block: +14025551200..+14025551299
            source: operator-connect
            country: US

        """
        let inventory = Documented.inventory("  - number: \"+14025551234\"\n    status: free\n", ranges: ranges)
        let plan = Documented.plan(inventory, [Documented.omaha()])
        XCTAssertEqual(plan.actions.map(\.numberType), [.callingPlan])
    }
}
