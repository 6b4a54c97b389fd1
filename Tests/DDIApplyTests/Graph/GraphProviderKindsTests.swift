import DDIKit
import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

/// What Graph v1.0 documents, and what it does not: steps without a documented call are refused
/// before anything is sent; a block Graph cannot set is reported, like tags.
final class GraphProviderKindsTests: XCTestCase {
    typealias FakeTenant = GraphProviderTests.FakeTenant
    static let number = "+4533121042"
    static let target = PlanFixtures.target
    static let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"
    var directory = ""

    override func setUpWithError() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("ddi-graph-kinds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
        super.tearDown()
    }

    func run(_ actions: [PlanAction], _ tenant: FakeTenant) throws -> ApplyReport {
        let configuration = try GraphConfiguration.fromEnvironment([
            "DDI_GRAPH_TENANT_ID": "t", "DDI_GRAPH_CLIENT_ID": "c", "DDI_GRAPH_CLIENT_SECRET": "very-secret-value",
            "DDI_GRAPH_BASE_URL": "http://127.0.0.1:1/v1.0", "DDI_LOGIN_BASE_URL": "http://127.0.0.1:1",
        ])
        let steps = ApplySteps.steps(for: PlanFixtures.plan(actions))
        for step in steps { try GraphProvider.check(step) }
        let journal = try ApplyJournal(directory: directory, checksum: "sha256:" + String(repeating: "e", count: 64))
        let client = GraphClient(configuration: configuration, transport: tenant, sleep: { _ in })
        return JournaledRun.run(steps, with: GraphProvider(client: client), journal: journal,
                                progress: ApplyProgress(total: steps.count, terminal: false) { _ in })
    }

    static func action(_ kind: PlanActionKind, targetKind: IdentityKind = .user, before: AssignmentState? = nil,
                       changes: [PlanChange] = [.assignedTo]) -> PlanAction {
        var action = PlanFixtures.action(kind, number, before: before, changes: changes)
        action.target.kind = targetKind
        return action
    }

    /// Refused through `ApplyRun`, before the provider is set up: no credentials are read, nothing is sent.
    func refusal(_ action: PlanAction) -> String {
        let context = ApplyContext(root: directory, checksum: "sha256:" + String(repeating: "e", count: 64), live: [])
        do {
            _ = try ApplyRun.carryOut(PlanFixtures.plan([action]), with: GraphProvider.self, context: context)
            XCTFail("the plan was carried out")
            return ""
        } catch {
            return error.message
        }
    }

    func testStepsGraphDoesNotDocumentAreRefusedUpFront() {
        let bridge = AssignmentState(status: "conference-assigned", objectID: "2713551e-ed63-415d-9175-fc4ff825a0be")
        let cases: [(PlanAction, String)] = [
            (Self.action(.assign, targetKind: .resourceAccount), "assignNumber for user accounts only"),
            (Self.action(.assign, targetKind: .conferenceBridge), "conference-bridge numbers"),
            (Self.action(.unassign, targetKind: .conferenceBridge, before: bridge), "conference-bridge numbers"),
            (Self.action(.reassign, before: bridge), "conference-bridge numbers"),
        ]
        for (action, expected) in cases {
            let message = refusal(action)
            XCTAssertTrue(message.contains(expected) && message.contains("--provider powershell") && message.contains("nothing was sent"), message)
            XCTAssertFalse(message.contains("DDI_GRAPH"), "refused before credentials are read: \(message)")
        }
        XCTAssertTrue(refusal(Self.action(.assign, targetKind: .policy)).contains("shared calling"))
    }

    /// unassignNumber documents "from a user or resource account".
    func testAnUnassignFromAResourceAccountIsSent() throws {
        let before = AssignmentState(status: "voice-application-assigned", objectID: Self.target)
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.target)
        let report = try run([Self.action(.unassign, targetKind: .resourceAccount, before: before)], tenant)
        XCTAssertNil(report.failure)
        XCTAssertEqual(tenant.posts, ["unassignNumber"])
    }

    func testAnUnassignIntoQuarantineReportsTheBlockAsNotSet() throws {
        var action = Self.action(.unassign, before: AssignmentState(status: "user-assigned", objectID: Self.target))
        action.assignmentBlockDays = 30
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.target)
        let report = try run([action], tenant)
        XCTAssertNil(report.failure)
        XCTAssertEqual(tenant.posts, ["unassignNumber"])
        XCTAssertEqual(Set(tenant.bodies[0].keys), ["telephoneNumber", "numberType"], "unassignNumber documents no block parameter")
        XCTAssertEqual(report.summary, "Applied: 1 step applied, 0 already in place, 1 assignment block not set "
            + "(Graph v1.0's unassignNumber has no assignment block; block the numbers with Set-CsPhoneNumberAssignmentBlock, or use --provider powershell) of 1.")
    }

    /// updateNumber: "Passing an empty string clears the locationId".
    func testALocationClearSendsAnEmptyLocationID() throws {
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.target, location: Self.location)
        var action = Self.action(.update, before: AssignmentState(status: "user-assigned", objectID: Self.target, locationID: Self.location),
                                 changes: [.locationID])
        action.locationID = nil
        let report = try run([action], tenant)
        XCTAssertNil(report.failure)
        XCTAssertEqual(tenant.posts, ["updateNumber"])
        XCTAssertEqual(tenant.bodies[0]["locationId"] as? String, "")
        XCTAssertEqual(tenant.bodies[0].count, 2, "no identity, no category: \(tenant.bodies[0])")
        let again = try run([action], tenant)
        XCTAssertEqual(tenant.posts, ["updateNumber"], "a cleared location is in place: nothing is sent again")
        XCTAssertEqual(again.done, [])
    }

    func testACategoryChangeUnassignsThenAssignsWithTheNewCategory() throws {
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.target)
        var action = Self.action(.update, before: AssignmentState(status: "user-assigned", objectID: Self.target, category: .primary),
                                 changes: [.category])
        action.category = .private
        action.numberType = .directRouting
        let report = try run([action], tenant)
        XCTAssertNil(report.failure)
        XCTAssertEqual(tenant.posts, ["unassignNumber", "assignNumber"])
        XCTAssertEqual(tenant.bodies[1]["assignmentCategory"] as? String, "private")
        XCTAssertEqual(tenant.bodies[1]["numberType"] as? String, "directRouting", "the action's (live) number type")
        let again = try run([action], tenant)
        XCTAssertEqual(tenant.posts.count, 2, "a rerun finds the new category in place and sends nothing")
        XCTAssertEqual(again.done, [])
    }
}

private extension Error {
    var message: String { (self as? ApplyRefusal)?.message ?? "\(self)" }
}
