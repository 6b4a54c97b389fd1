import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

/// Issue 11 on the apply side: identity kinds, category changes, location clears, quarantine
/// blocks and the live number type, as the steps carry them (both providers read these steps).
final class ApplyStepKindsTests: XCTestCase {
    static let target = PlanFixtures.target
    static let bridge = "2713551e-ed63-415d-9175-fc4ff825a0be"
    static let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"

    static func action(_ kind: PlanActionKind, category: AssignmentCategory? = .primary, location: String? = nil, changes: [PlanChange],
                       before: AssignmentState? = nil, targetKind: IdentityKind = .user, blockDays: Int? = nil,
                       numberType: NumberSource = .operatorConnect, tags: [String] = []) -> PlanAction {
        var action = PlanFixtures.action(kind, "+4533121042", location: location, tags: tags, before: before, changes: changes)
        action.category = category
        action.target.kind = targetKind
        action.assignmentBlockDays = blockDays
        action.numberType = numberType
        return action
    }

    static func steps(_ actions: PlanAction...) -> [ApplyStep] { ApplySteps.steps(for: PlanFixtures.plan(actions)) }

    /// Teams documents no in-place category change: the number is unassigned and assigned again.
    /// https://learn.microsoft.com/microsoftteams/private-line
    func testACategoryChangeIsAnUnassignThenAnAssignToTheSameIdentity() throws {
        let before = AssignmentState(status: "user-assigned", objectID: Self.target, category: .primary)
        let steps = Self.steps(Self.action(.update, category: .private, changes: [.category], before: before))
        XCTAssertEqual(steps.map(\.operation), [.unassign, .assign])
        XCTAssertEqual(steps.map(\.changesCategory), [true, true])
        XCTAssertEqual(steps.map(\.targetID), [Self.target, Self.target])
        XCTAssertEqual(steps.map(\.category), [.private, .private])
        let unassign = steps[0]
        XCTAssertEqual(unassign.liveCheck(holder: Self.target, attributesInPlace: false), .run, "still primary: unassign")
        XCTAssertEqual(unassign.liveCheck(holder: Self.target, attributesInPlace: true), .alreadyDone, "already private: a rerun does not unassign again")
        XCTAssertEqual(unassign.liveCheck(holder: nil, attributesInPlace: false), .alreadyDone)
        XCTAssertEqual(unassign.liveCheck(holder: "00000000-0000-4000-8000-00000000000b", attributesInPlace: true),
                       .changed(found: "00000000-0000-4000-8000-00000000000b"))
        XCTAssertEqual(unassign.summary, "unassign +4533121042 from anna@contoso.com to change its category")
        XCTAssertEqual(steps[1].summary, "assign +4533121042 to anna@contoso.com as private")
    }

    func testALocationOnlyChangeIsOneUpdateWithoutACategory() throws {
        let before = AssignmentState(status: "user-assigned", objectID: Self.target, category: .primary)
        let set = Self.steps(Self.action(.update, location: Self.location, changes: [.locationID], before: before))
        XCTAssertEqual(set.map(\.operation), [.update])
        XCTAssertEqual(set[0].locationID, Self.location)
        XCTAssertNil(set[0].category, "a location update never touches the category")
        XCTAssertFalse(set[0].clearsLocation)
        let clear = Self.steps(Self.action(.update, location: nil, changes: [.locationID], before: before))
        XCTAssertEqual(clear.map(\.operation), [.update])
        XCTAssertTrue(clear[0].clearsLocation)
        XCTAssertEqual(clear[0].summary, "clear the location of +4533121042 (anna@contoso.com)")
    }

    /// The planner marks a declared location removal on an assignment as `.locationID` changed to nil;
    /// assigning alone would leave the old location in place.
    func testALocationRemovalOnAnAssignmentIsClearedAfterAssigning() throws {
        let unassigned = AssignmentState(status: "unassigned", locationID: Self.location)
        let assign = Self.steps(Self.action(.assign, location: nil, changes: [.assignedTo, .locationID], before: unassigned))
        XCTAssertEqual(assign.map(\.operation), [.assign, .update])
        XCTAssertTrue(assign[1].clearsLocation)
        XCTAssertEqual(assign[1].expectedHolderID, Self.target, "the clear runs once the number is held by the new holder")
        let previous = "00000000-0000-4000-8000-00000000000b"
        let held = AssignmentState(status: "user-assigned", objectID: previous, locationID: Self.location)
        let reassign = Self.steps(Self.action(.reassign, location: nil, changes: [.assignedTo, .locationID], before: held))
        XCTAssertEqual(reassign.map(\.operation), [.unassign, .assign, .update])
        XCTAssertTrue(reassign[2].clearsLocation)
        let keep = Self.steps(Self.action(.assign, location: nil, changes: [.assignedTo], before: unassigned))
        XCTAssertEqual(keep.map(\.operation), [.assign], "no declared removal: the location is left alone")
    }

    func testAnUnassignIntoQuarantineCarriesItsBlock() throws {
        let before = AssignmentState(status: "user-assigned", objectID: Self.target)
        let steps = Self.steps(Self.action(.unassign, changes: [.assignedTo], before: before, blockDays: 30))
        XCTAssertEqual(steps.map(\.assignmentBlockDays), [30])
        XCTAssertEqual(steps[0].summary, "unassign +4533121042 from anna@contoso.com, blocked for 30 day(s)")
    }

    /// Item 7: Teams requires the live type; the planner puts it in the action, every step keeps it.
    func testStepsUseTheActionsNumberType() throws {
        let before = AssignmentState(status: "user-assigned", objectID: "00000000-0000-4000-8000-00000000000a")
        let steps = Self.steps(Self.action(.reassign, changes: [.assignedTo], before: before, numberType: .directRouting, tags: ["vip"]))
        XCTAssertEqual(steps.map(\.numberType), [.directRouting, .directRouting, .directRouting])
    }

    func testTheHoldersKindComesFromTheLiveStatus() throws {
        let conference = AssignmentState(status: "conference-assigned", assignedTo: "Conference Bridge", objectID: Self.bridge)
        let reassign = Self.steps(Self.action(.reassign, changes: [.assignedTo], before: conference))
        XCTAssertEqual(reassign.map(\.targetKind), [.conferenceBridge, .user])
        let unassign = Self.steps(Self.action(.unassign, changes: [.assignedTo], before: conference, targetKind: .conferenceBridge))
        XCTAssertEqual(unassign.map(\.targetKind), [.conferenceBridge])
        let policy = AssignmentState(status: "policy-assigned", objectID: "TeamsSharedCallingRoutingPolicy|Tag:SC1")
        XCTAssertEqual(Self.steps(Self.action(.reassign, changes: [.assignedTo], before: policy)).first?.targetKind, .policy)
    }

    /// Tags compare case-insensitively in Teams: `switchboard` against live `Switchboard` is no
    /// change, never a remove and an add that leave the number with no tag.
    func testTagsThatDifferOnlyInCaseMakeNoSteps() throws {
        let before = AssignmentState(status: "user-assigned", objectID: Self.target, tags: ["Switchboard", "old"])
        let steps = Self.steps(Self.action(.update, changes: [.tags], before: before, tags: ["switchboard"]))
        XCTAssertEqual(steps.map(\.operation), [.removeTag])
        XCTAssertEqual(steps.map(\.tag), ["old"])
    }

    // MARK: refused for every provider

    func testAPolicyTargetIsRefusedForEveryProvider() throws {
        let policy = AssignmentState(status: "policy-assigned", objectID: "TeamsSharedCallingRoutingPolicy|Tag:SC1")
        for action in [Self.action(.assign, changes: [.assignedTo], targetKind: .policy),
                       Self.action(.reassign, changes: [.assignedTo], before: policy),
                       Self.action(.unassign, changes: [.assignedTo], before: policy, targetKind: .policy)] {
            let step = try XCTUnwrap(Self.steps(action).first)
            XCTAssertThrowsError(try ApplyStepRules.check(step)) { error in
                let message = (error as? ApplyRefusal)?.message ?? ""
                XCTAssertTrue(message.contains("policy (shared calling)") && message.contains("+4533121042"), message)
                XCTAssertFalse(message.contains("TeamsSharedCallingRoutingPolicy"), "policy text is not repeated: \(message)")
            }
        }
    }

    func testABlockOutsideOneToThreeHundredSixtyFiveDaysIsRefused() throws {
        let before = AssignmentState(status: "user-assigned", objectID: Self.target)
        for days in [0, -1, 366, Int.max] {
            let step = try XCTUnwrap(Self.steps(Self.action(.unassign, changes: [.assignedTo], before: before, blockDays: days)).first)
            XCTAssertThrowsError(try ApplyStepRules.check(step), "\(days)")
        }
        for days in [1, 365] {
            let step = try XCTUnwrap(Self.steps(Self.action(.unassign, changes: [.assignedTo], before: before, blockDays: days)).first)
            XCTAssertNoThrow(try ApplyStepRules.check(step), "\(days)")
        }
    }
}

/// "You can set the location on both assigned and unassigned phone numbers."
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignment
final class UnassignedLocationStepTests: XCTestCase {
    static let location = ApplyStepKindsTests.location

    static var plan: Plan {
        var action = PlanFixtures.action(.update, "+4533121042", target: "", upn: nil, location: location,
                                         before: AssignmentState(status: "unassigned"), changes: [.locationID])
        action.category = nil
        return PlanFixtures.plan([action])
    }

    func testTheLocationOfAnUnassignedNumberExpectsItUnassigned() throws {
        let step = try XCTUnwrap(ApplySteps.steps(for: Self.plan).first)
        XCTAssertNil(step.expectedHolderID)
        XCTAssertEqual(step.liveCheck(holder: nil, attributesInPlace: false), .run)
        XCTAssertEqual(step.liveCheck(holder: nil, attributesInPlace: true), .alreadyDone)
        XCTAssertEqual(step.liveCheck(holder: PlanFixtures.target, attributesInPlace: false), .changed(found: PlanFixtures.target))
        XCTAssertTrue(step.changedMessage(found: PlanFixtures.target).contains("expected it unassigned"))
        XCTAssertEqual(step.summary, "set the location of +4533121042")
    }

    func testTheScriptSetsItWithoutAnIdentity() throws {
        let lines = try PowerShellScriptWriter.script(for: Self.plan, checksum: "sha256:" + String(repeating: "d", count: 64))
            .components(separatedBy: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("if (-not ($holder -eq 'unassigned')) { throw ('ddi: +4533121042: expected it unassigned, found ' + $holder") })
        XCTAssertTrue(lines.contains("if ($current.LocationId -eq '\(Self.location)') { Write-Host '  already done' } else { "
            + "Set-CsPhoneNumberAssignment -TelephoneNumber '+4533121042' -LocationId '\(Self.location)' }"), lines.joined(separator: "\n"))
    }
}
