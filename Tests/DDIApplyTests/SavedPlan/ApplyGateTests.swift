import DDIKit
import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

final class ApplyGateTests: XCTestCase {
    static let thresholds: SafetyThresholds = {
        var thresholds = SafetyThresholds()
        thresholds.maxUnassignPercent = 10
        thresholds.maxReassignPercent = 20
        thresholds.minExisting = 10
        return thresholds
    }()

    static func unassigns(_ count: Int) -> [PlanAction] {
        (0..<count).map { PlanFixtures.action(.unassign, "+45331210\(String(format: "%02d", $0))") }
    }

    static func current(_ actions: [PlanAction], liveAssigned: Int, findings: [PlanFinding] = []) -> CurrentPlan {
        var plan = PlanFixtures.plan(actions, liveAssigned: liveAssigned)
        plan.findings = findings
        plan.summary.errors = findings.filter { $0.severity == .error }.count
        return CurrentPlan(plan: plan, safety: thresholds, liveAssigned: liveAssigned)
    }

    /// A saved plan forged by anyone: edited, then its checksum recomputed with the same algorithm.
    static func forge(_ plan: Plan, _ edit: (inout Plan) -> Void) throws -> SavedPlan {
        var forged = plan
        edit(&forged)
        return try SavedPlan.parse(Data(PlanJSONRenderer.renderSaved(forged).utf8), path: "plan.json")
    }

    func testSafetyThresholds() {
        // 11 of 100 = 11% > 10%.
        let violations = SafetyCheck.violations(Self.current(Self.unassigns(11), liveAssigned: 100))
        XCTAssertEqual(violations.map(\.kind), [.unassign])
        XCTAssertEqual(violations.first?.description, "the plan would unassign 11 of 100 live assignments (11%), above safety.max_unassign_percent = 10%")
        // Exactly at the limit is allowed.
        XCTAssertEqual(SafetyCheck.violations(Self.current(Array(Self.unassigns(10)), liveAssigned: 100)), [])
        // Below min_existing the thresholds do not apply.
        XCTAssertEqual(SafetyCheck.violations(Self.current(Self.unassigns(11), liveAssigned: 9)), [])
        let reassigns = (0..<3).map { PlanFixtures.action(.reassign, "+45331210\(String(format: "%02d", $0))") }
        XCTAssertEqual(SafetyCheck.violations(Self.current(reassigns, liveAssigned: 10)).map(\.kind), [.reassign])
    }

    /// Routing updates send calls elsewhere: they count with the reassigns.
    func testRoutingUpdatesCountTowardsTheReassignThreshold() {
        let reassigns = (0..<2).map { PlanFixtures.action(.reassign, "+45331210\(String(format: "%02d", $0))") }
        var current = Self.current(reassigns, liveAssigned: 10)
        XCTAssertEqual(SafetyCheck.violations(current), [], "2 of 10 is at the 20% limit")
        let routing = RoutingAction(type: .callQueue, id: "cq-reception", configurationID: "0c5e8a21-7f3d-5b94-8e16-2a9d4c7b3e58",
                                    name: "Reception", changes: [], declaredAt: SourceLocation(file: "r.yaml", line: 1, column: 1))
        current.plan.routing = RoutingPlan(actions: [routing])
        let violations = SafetyCheck.violations(current)
        XCTAssertEqual(violations.map(\.count), [3])
        XCTAssertEqual(violations.first?.description, "the plan would reassign 3 of 10 live assignments (counting 1 auto attendant or call queue update(s)) (30%), above safety.max_reassign_percent = 20%")
    }

    /// The denominator is counted from the snapshot, not read from any plan's summary.
    func testSafetyUsesTheLiveCountOfTheSnapshotNotThePlanSummary() {
        var current = Self.current(Self.unassigns(2), liveAssigned: 10)
        current.plan.summary.liveAssigned = 1000
        XCTAssertEqual(SafetyCheck.violations(current).map(\.liveAssigned), [10])
    }

    /// Item 4: an inflated `live_assigned` with a recomputed checksum passes the checksum but not apply.
    func testForgedLiveAssignedDoesNotPassTheThresholds() throws {
        let current = Self.current(Self.unassigns(2), liveAssigned: 10)
        let forged = try Self.forge(current.plan) { $0.summary.liveAssigned = 1000 }
        XCTAssertThrowsError(try ApplyGate.approve(current: current, saved: forged, force: false)) { error in
            XCTAssertTrue("\(error)".contains("is stale"), "\(error)")
            XCTAssertTrue("\(error)".contains("summary: the saved plan counts 1000 live assignments, the snapshot now has 10"), "\(error)")
        }
        // Even with --force a forged plan is not applied: --force only lets the thresholds through.
        XCTAssertThrowsError(try ApplyGate.approve(current: current, saved: forged, force: true))
        // The honest saved plan reaches the thresholds, computed from the current inputs.
        let honest = try Self.forge(current.plan) { _ in }
        XCTAssertThrowsError(try ApplyGate.approve(current: current, saved: honest, force: false)) { error in
            XCTAssertTrue("\(error)".contains("the plan would unassign 2 of 10 live assignments (20%)"), "\(error)")
        }
        let forced = try ApplyGate.approve(current: current, saved: honest, force: true)
        XCTAssertEqual(forced.forcedPast.map(\.count), [2])
        XCTAssertEqual(forced.checksum, honest.checksum)
    }

    /// Item 4: an edited step field (who a reassign unassigns first) is caught, and what is applied
    /// is always the current plan.
    func testForgedActionsAreRefusedAndTheCurrentPlanIsWhatIsApplied() throws {
        let before = AssignmentState(status: "user-assigned", assignedTo: "bo@contoso.com", objectID: "00000000-0000-4000-8000-000000000002")
        let current = Self.current([PlanFixtures.action(.reassign, "+4533121042", before: before)], liveAssigned: 100)
        let forged = try Self.forge(current.plan) { $0.actions[0].before?.objectID = "00000000-0000-4000-8000-000000000099" }
        XCTAssertThrowsError(try ApplyGate.approve(current: current, saved: forged, force: true)) { error in
            XCTAssertTrue("\(error)".contains("previous holder bo@contoso.com (00000000-0000-4000-8000-000000000099) → bo@contoso.com (00000000-0000-4000-8000-000000000002)"), "\(error)")
        }
        // A saved plan that differs only where no step looks (the declaring line) is accepted, and
        // the plan handed to the provider is the current one.
        let relocated = try Self.forge(current.plan) { $0.actions[0].declaredAt.line = 77 }
        let approved = try ApplyGate.approve(current: current, saved: relocated, force: false)
        XCTAssertEqual(approved.plan, current.plan)
        XCTAssertEqual(approved.checksum, relocated.checksum)
    }

    /// Item 6: error findings stop apply, saved plan or not, with the values escaped.
    func testErrorFindingsAreRefusedWithEscapedValues() throws {
        let finding = PlanFinding(kind: .notInTenant, severity: .error, number: "+4533121099",
                                  message: "declared assigned to eve\u{1B}[2J\n::error::forged, but the tenant does not have it",
                                  declaredAt: SourceLocation(file: "sites/a\u{7}.yaml", line: 4, column: 5), live: nil)
        let warning = PlanFinding(kind: .undeclared, severity: .warning, number: "+4533121098", message: "a ghost", declaredAt: nil, live: nil)
        let current = Self.current([PlanFixtures.action(.assign, "+4533121042")], liveAssigned: 100, findings: [finding, warning])
        for saved in [nil, try Self.forge(current.plan) { _ in }] {
            XCTAssertThrowsError(try ApplyGate.approve(current: current, saved: saved, force: true)) { error in
                let text = "\(error)"
                XCTAssertEqual(text, """
                    the plan has 1 finding with severity error; ddi apply does not run a plan with error findings:
                      ! not-in-tenant +4533121099 (sites/a\\u{7}.yaml:4): declared assigned to eve\\u{1B}[2J\\n::error::forged, but the tenant does not have it
                    fix them (ddi plan lists every finding), then apply again; nothing was applied
                    """)
            }
        }
        // Warnings alone do not stop apply.
        let warned = Self.current([PlanFixtures.action(.assign, "+4533121042")], liveAssigned: 100, findings: [warning])
        XCTAssertEqual(try ApplyGate.approve(current: warned, saved: nil, force: false).plan, warned.plan)
    }
}
