import DDIKit
import XCTest
@testable import DDIPlan

/// Issue 11 items 1, 2 and 10: identities have a kind; disabled-account findings are for users only;
/// the conferencing bridge and shared-calling policies are never looked up in the directory and never
/// become `-Identity` steps.
final class IdentityKindPlanningTests: XCTestCase {
    private func entry(_ number: String, to holder: String, kind: String, extra: String = "") -> String {
        """
          - number: "\(number)"
            status: assigned
            kind: \(kind)
            assigned_to: "\(holder)"
            owner: voice@contoso.com
            routing: main
        \(extra)
        """
    }

    func testResourceAccountDisabledBySignInIsNoFinding() {
        // Get-CsOnlineUser lists aa1 with AccountType ResourceAccount and AccountEnabled False.
        let inventory = Documented.inventory(entry("+14025551234", to: "aa1@contoso.com", kind: "auto-attendant"))
        let live = Documented.omaha(status: .voiceApplicationAssigned, target: Documented.aa1.objectID)
        let plan = Documented.plan(inventory, [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [], "\(plan.findings.map(\.message))")
    }

    func testResourceAccountFromGraphUsersIsNotAUser() {
        // Graph /users has no AccountType: the resource account is a plain disabled user there.
        let graphAA = DirectoryAccount(objectID: Documented.aa1.objectID, upn: "aa1@contoso.com", kind: .user, enabled: false,
                                       origin: RecordOrigin(file: "users-page.json", record: 1))
        let inventory = Documented.inventory(entry("+14025551234", to: "aa1@contoso.com", kind: "auto-attendant"))
        let unassigned = Documented.omaha(status: .unassigned)
        let plan = Documented.plan(inventory, [unassigned], accounts: [graphAA])
        XCTAssertEqual(plan.actions.map(\.target.kind), [.resourceAccount])
        XCTAssertFalse(plan.findings.contains { $0.kind == .disabledAccount })
    }

    func testDisabledUserStillFound() {
        let inventory = Documented.inventory(entry("+14025551234", to: "left@contoso.com", kind: "user"))
        let live = Documented.omaha(target: Documented.disabledUser.objectID)
        let plan = Documented.plan(inventory, [live])
        XCTAssertEqual(plan.findings.map(\.kind), [.disabledAccount])
    }

    func testUndeclaredVoiceApplicationNumberOfDisabledResourceAccountIsOnlyAGhost() {
        let inventory = Documented.inventory("")
        let live = Documented.omaha(status: .voiceApplicationAssigned, target: Documented.aa1.objectID)
        let plan = Documented.plan(inventory, [live])
        XCTAssertEqual(plan.findings.map(\.kind), [.undeclared])
    }

    func testEveryActionNamesItsTargetKind() {
        let inventory = Documented.inventory(
            entry("+14025551234", to: "user1@contoso.com", kind: "user")
            + entry("+14025551235", to: "aa1@contoso.com", kind: "auto-attendant")
            + entry("+14025551236", to: "bridge@contoso.com", kind: "conference")
            + """
              - number: "+14025551237"
                status: free

            """)
        let plan = Documented.plan(inventory, [
            Documented.omaha(status: .unassigned),
            Documented.omaha(status: .unassigned, number: "+14025551235"),
            Documented.omaha(status: .unassigned, number: "+14025551236"),
            Documented.omaha(status: .conferenceAssigned, target: "bridge-id", number: "+14025551237"),
        ])
        XCTAssertEqual(plan.actions.map(\.target.kind), [.user, .resourceAccount, .conferenceBridge, .conferenceBridge])
        XCTAssertEqual(plan.actions.map(\.kind), [.assign, .assign, .assign, .unassign])
        XCTAssertEqual(plan.actions[3].after.status, "unassigned")
    }

    func testConferenceNumberMatchedByStatusNeverLookedUp() {
        let inventory = Documented.inventory(entry("+14025551234", to: "conference-bridge@contoso.com", kind: "conference"))
        let live = Documented.omaha(status: .conferenceAssigned, target: "0bd2a4c1-bridge")
        let plan = Documented.plan(inventory, [live], accounts: [])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings, [])
    }

    func testConferenceNumberUnassignedPlansAssignToTheBridge() {
        let inventory = Documented.inventory(entry("+14025551234", to: "conference-bridge@contoso.com", kind: "conference"))
        let plan = Documented.plan(inventory, [Documented.omaha(status: .unassigned)], accounts: [])
        XCTAssertEqual(plan.findings, [])
        XCTAssertEqual(plan.actions.count, 1)
        let action = plan.actions[0]
        XCTAssertEqual(action.kind, .assign)
        XCTAssertEqual(action.target, PlanTarget(upn: "conference-bridge@contoso.com", objectID: "", kind: .conferenceBridge))
        XCTAssertEqual(action.after.status, LiveAssignmentStatus.conferenceAssigned.rawValue)
        XCTAssertNil(action.category, "a bridge has no assignment category")
    }

    func testConferenceNumberNotInTheTenantIsNoStep() {
        // Register-CsOnlineDialInConferencingServiceNumber takes acquired service numbers only.
        let inventory = Documented.inventory(entry("+12065551001", to: "conference-bridge@contoso.com", kind: "conference"))
        let plan = Documented.plan(inventory, [], accounts: [])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.notInTenant])
        XCTAssertEqual(plan.findings.first?.severity, .error)
    }

    func testSharedCallingNumberMatchesItsPolicyAndPlansNothing() {
        // Example 9: numbers assigned as emergency numbers of the shared calling routing policy SC1.
        let inventory = Documented.inventory(entry("+14025551234", to: Documented.sharedCallingTarget, kind: "shared-calling"))
        // The reader may fold the target's case: the match does not depend on it.
        let live = Documented.omaha(status: .policyAssigned, target: Documented.sharedCallingTarget.lowercased())
        let plan = Documented.plan(inventory, [live], accounts: [])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings, [])
    }

    func testSharedCallingDifferencesAreFindingsNeverSteps() {
        // No provider changes a policy-held number: a tag that differs is reported, not planned.
        let inventory = Documented.inventory(entry("+14025551234", to: Documented.sharedCallingTarget, kind: "shared-calling",
                                                   extra: "    tags: [emergency]\n"))
        let live = Documented.omaha(status: .policyAssigned, target: Documented.sharedCallingTarget)
        let plan = Documented.plan(inventory, [live], accounts: [])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.numberState])
        XCTAssertEqual(plan.findings.first?.severity, .warning)
        XCTAssertTrue(plan.findings.first?.message.contains("ddi does not change numbers a policy holds") == true)
    }

    func testSharedCallingNumberUnassignedInTeamsIsAFinding() {
        let inventory = Documented.inventory(entry("+14025551234", to: Documented.sharedCallingTarget, kind: "shared-calling"))
        let plan = Documented.plan(inventory, [Documented.omaha(status: .unassigned)], accounts: [])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.numberState])
    }

    func testConferenceNumberReleasedToQuarantineHasNoBlock() {
        // Unregister-CsOnlineDialInConferencingServiceNumber has no -AssignmentBlockedDays.
        let inventory = Documented.inventory("  - number: \"+14025551234\"\n    status: quarantine\n    since: 2026-11-20\n")
        let plan = Documented.plan(inventory, [Documented.omaha(status: .conferenceAssigned, target: "bridge-id")])
        XCTAssertEqual(plan.actions.map(\.target.kind), [.conferenceBridge])
        XCTAssertNil(plan.actions.first?.assignmentBlockDays)
    }

    func testPolicyHeldNumberDeclaredForAUserIsAFindingNotAStep() {
        let inventory = Documented.inventory(entry("+14025551234", to: "user1@contoso.com", kind: "user"))
        let live = Documented.omaha(status: .policyAssigned, target: Documented.sharedCallingTarget)
        let plan = Documented.plan(inventory, [live])
        XCTAssertEqual(plan.actions, [], "a policy's number is never taken with -Identity")
        XCTAssertEqual(plan.findings.map(\.kind), [.numberState])
        XCTAssertEqual(plan.findings.first?.severity, .error)
    }

    func testPolicyHeldNumberDeclaredFreeIsNotUnassigned() {
        let inventory = Documented.inventory("""
          - number: "+14025551234"
            status: free

        """)
        let live = Documented.omaha(status: .policyAssigned, target: Documented.sharedCallingTarget)
        let plan = Documented.plan(inventory, [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.numberState])
    }

    func testUndeclaredPolicyNumberNamesThePolicy() {
        let live = Documented.omaha(status: .policyAssigned, target: Documented.sharedCallingTarget)
        let plan = Documented.plan(Documented.inventory(""), [live])
        XCTAssertEqual(plan.findings.map(\.kind), [.undeclared])
        XCTAssertTrue(plan.findings[0].message.contains("the policy TeamsSharedCallingRoutingPolicy|Tag:SC1"), plan.findings[0].message)
    }
}
