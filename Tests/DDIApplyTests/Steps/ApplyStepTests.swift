import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

/// The live state each step expects before it runs, judged the same way for both providers.
final class ApplyStepTests: XCTestCase {
    static let holderA = "00000000-0000-4000-8000-00000000000a"
    static let holderB = "00000000-0000-4000-8000-00000000000b"
    static let target = PlanFixtures.target

    static func steps(_ kind: PlanActionKind, tags: [String] = [], changes: [PlanChange] = [.assignedTo]) -> [ApplyStep] {
        let before = AssignmentState(status: "user-assigned", assignedTo: "a@contoso.com", objectID: holderA)
        let action = PlanFixtures.action(kind, "+4533121042", target: kind == .unassign ? holderA : target, location: "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30",
                                         tags: tags, before: kind == .update ? AssignmentState(status: "user-assigned", objectID: target) : before,
                                         changes: changes)
        return ApplySteps.steps(for: PlanFixtures.plan([action]))
    }

    func testEachStepCarriesTheHolderItExpects() throws {
        let reassign = Self.steps(.reassign, tags: ["vip"])
        XCTAssertEqual(reassign.map(\.operation), [.unassign, .assign, .addTag])
        XCTAssertEqual(reassign.map(\.expectedHolderID), [Self.holderA, nil, Self.target])
        XCTAssertEqual(reassign[0].nextHolderID, Self.target)
        XCTAssertEqual(reassign[0].targetID, Self.holderA)
        let unassign = Self.steps(.unassign)
        XCTAssertEqual(unassign.map(\.expectedHolderID), [Self.holderA])
        XCTAssertNil(unassign[0].nextHolderID)
        let update = Self.steps(.update, changes: [.locationID])
        XCTAssertEqual(update.map(\.expectedHolderID), [Self.target])
    }

    func testAssignExpectsTheNumberUnassigned() throws {
        let assign = try XCTUnwrap(Self.steps(.assign).first)
        XCTAssertEqual(assign.liveCheck(holder: nil, attributesInPlace: false), .run)
        XCTAssertEqual(assign.liveCheck(holder: Self.target.uppercased(), attributesInPlace: true), .alreadyDone)
        XCTAssertEqual(assign.liveCheck(holder: Self.target, attributesInPlace: false), .run, "the target holds it with another location")
        XCTAssertEqual(assign.liveCheck(holder: Self.holderB, attributesInPlace: true), .changed(found: Self.holderB))
        XCTAssertEqual(assign.liveCheck(holder: "", attributesInPlace: true), .changed(found: ""))
    }

    func testTheUnassignHalfOfAReassignExpectsThePreviousHolder() throws {
        let unassign = try XCTUnwrap(Self.steps(.reassign).first)
        XCTAssertEqual(unassign.liveCheck(holder: Self.holderA, attributesInPlace: false), .run)
        XCTAssertEqual(unassign.liveCheck(holder: nil, attributesInPlace: false), .alreadyDone)
        XCTAssertEqual(unassign.liveCheck(holder: Self.target, attributesInPlace: false), .alreadyDone)
        XCTAssertEqual(unassign.liveCheck(holder: Self.holderB, attributesInPlace: false), .changed(found: Self.holderB))
        let message = unassign.changedMessage(found: Self.holderB)
        XCTAssertTrue(message.contains(Self.holderA) && message.contains(Self.holderB) && message.contains("+4533121042"), message)
    }

    func testAnUnassignExpectsTheDeclaredPreviousHolder() throws {
        let unassign = try XCTUnwrap(Self.steps(.unassign).first)
        XCTAssertEqual(unassign.liveCheck(holder: Self.holderA, attributesInPlace: false), .run)
        XCTAssertEqual(unassign.liveCheck(holder: nil, attributesInPlace: false), .alreadyDone)
        XCTAssertEqual(unassign.liveCheck(holder: Self.target, attributesInPlace: false), .changed(found: Self.target))
    }

    func testUpdatesAndTagsExpectTheTarget() throws {
        for step in Self.steps(.update, tags: ["vip"], changes: [.locationID, .tags]) {
            XCTAssertEqual(step.liveCheck(holder: Self.target, attributesInPlace: false), .run, step.id)
            XCTAssertEqual(step.liveCheck(holder: Self.target, attributesInPlace: true), .alreadyDone, step.id)
            XCTAssertEqual(step.liveCheck(holder: nil, attributesInPlace: true), .changed(found: nil), step.id)
            XCTAssertEqual(step.liveCheck(holder: Self.holderB, attributesInPlace: true), .changed(found: Self.holderB), step.id)
            XCTAssertTrue(step.changedMessage(found: nil).contains("found it unassigned"), step.changedMessage(found: nil))
        }
    }

    func testTheChangedMessageEscapesWhatTheTenantSent() throws {
        let assign = try XCTUnwrap(Self.steps(.assign).first)
        let message = assign.changedMessage(found: "x\u{1B}[2J\nforged")
        XCTAssertFalse(message.contains("\u{1B}") || message.contains("\n"), message)
    }
}

extension PlanFixtures {
    /// The object id `PlanFixtures.action` assigns to unless told otherwise.
    static let target = "00000000-0000-4000-8000-000000000001"
}
