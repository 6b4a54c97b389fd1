import DDIKit
import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

/// Each step checks the live state it expects before it runs (README "Security"): a tenant that
/// changed since the plan stops the apply instead of being overwritten.
final class GraphProviderTests: XCTestCase {
    static let holderA = "00000000-0000-4000-8000-00000000000a"
    static let holderB = "00000000-0000-4000-8000-00000000000b"
    static let target = PlanFixtures.target
    static let number = "+4533121042"

    /// A tenant behind a fake transport: GETs list its numbers, POSTs change them and are recorded.
    final class FakeTenant: HTTPTransport, @unchecked Sendable {
        var numbers: [String: [String: Any]] = [:]
        var posts: [String] = []
        var bodies: [[String: Any]] = []

        func hold(_ number: String, by holder: String?, location: String? = nil) {
            var record: [String: Any] = ["telephoneNumber": number, "numberType": "operatorConnect", "assignmentStatus": "unassigned"]
            if let holder {
                record["assignmentStatus"] = "userAssigned"
                record["assignmentTargetId"] = holder
                record["assignmentCategory"] = "primary"
            }
            if let location { record["locationId"] = location }
            numbers[number] = record
        }

        func send(_ request: HTTPRequest) throws -> HTTPResponse {
            if request.url.path.hasSuffix("/token") {
                return HTTPResponse(status: 200, body: Data(#"{"access_token":"abc.def.ghi"}"#.utf8))
            }
            if request.method == "GET" {
                let page = try JSONSerialization.data(withJSONObject: ["value": Array(numbers.values)])
                return HTTPResponse(status: 200, body: page)
            }
            let action = request.url.lastPathComponent
            posts.append(action)
            let body = (request.body.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }) ?? [:]
            bodies.append(body)
            let number = body["telephoneNumber"] as? String ?? ""
            switch action {
            case "assignNumber":
                hold(number, by: body["assignmentTargetId"] as? String, location: body["locationId"] as? String)
                if let category = body["assignmentCategory"] { numbers[number]?["assignmentCategory"] = category }
            case "unassignNumber": hold(number, by: nil)
            default: numbers[number]?["locationId"] = body["locationId"]
            }
            return HTTPResponse(status: 204)
        }
    }

    var directory: URL?

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
        super.tearDown()
    }

    func journal() throws -> ApplyJournal {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-journal-\(UUID().uuidString)")
        self.directory = directory
        return try ApplyJournal(directory: directory.path, checksum: "sha256:" + String(repeating: "e", count: 64))
    }

    func apply(_ plan: Plan, _ tenant: FakeTenant, journal: ApplyJournal? = nil) throws -> ApplyReport {
        let configuration = try GraphConfiguration.fromEnvironment([
            "DDI_GRAPH_TENANT_ID": "t", "DDI_GRAPH_CLIENT_ID": "c", "DDI_GRAPH_CLIENT_SECRET": "very-secret-value",
            "DDI_GRAPH_BASE_URL": "http://127.0.0.1:1/v1.0", "DDI_LOGIN_BASE_URL": "http://127.0.0.1:1",
        ])
        let client = GraphClient(configuration: configuration, transport: tenant, sleep: { _ in })
        let steps = ApplySteps.steps(for: plan)
        return JournaledRun.run(steps, with: GraphProvider(client: client), journal: try journal ?? self.journal(),
                                progress: ApplyProgress(total: steps.count, terminal: false) { _ in })
    }

    static func reassignFromA() -> Plan {
        let before = AssignmentState(status: "user-assigned", assignedTo: "a@contoso.com", objectID: holderA)
        return PlanFixtures.plan([PlanFixtures.action(.reassign, number, before: before)])
    }

    func testAReassignFromANeverTakesTheNumberFromB() throws {
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.holderB)
        let report = try apply(Self.reassignFromA(), tenant)
        XCTAssertEqual(tenant.posts, [], "nothing is sent when the number is held by someone the plan did not expect")
        let failure = try XCTUnwrap(report.failure?.description)
        XCTAssertTrue(failure.contains(Self.holderA) && failure.contains(Self.holderB), failure)
        XCTAssertEqual(tenant.numbers[Self.number]?["assignmentTargetId"] as? String, Self.holderB)
    }

    func testAReassignFromARuns() throws {
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.holderA)
        let report = try apply(Self.reassignFromA(), tenant)
        XCTAssertNil(report.failure)
        XCTAssertEqual(tenant.posts, ["unassignNumber", "assignNumber"])
        XCTAssertEqual(tenant.numbers[Self.number]?["assignmentTargetId"] as? String, Self.target)
    }

    func testAReassignAlreadyAtTheTargetIsDone() throws {
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.target)
        let report = try apply(Self.reassignFromA(), tenant)
        XCTAssertNil(report.failure)
        XCTAssertEqual(tenant.posts, [])
        XCTAssertEqual(report.alreadyDone.count, 2)
    }

    func testAnUnassignExpectsTheDeclaredPreviousHolder() throws {
        let before = AssignmentState(status: "user-assigned", assignedTo: "a@contoso.com", objectID: Self.holderA)
        let plan = PlanFixtures.plan([PlanFixtures.action(.unassign, Self.number, target: Self.holderA, before: before)])
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.holderB)
        let report = try apply(plan, tenant)
        XCTAssertEqual(tenant.posts, [])
        XCTAssertTrue(report.failure?.description.contains(Self.holderB) == true, report.failure?.description ?? "no failure")
    }

    func testAnAssignExpectsTheNumberUnassigned() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, Self.number)])
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.holderB)
        let report = try apply(plan, tenant)
        XCTAssertEqual(tenant.posts, [])
        XCTAssertTrue(report.failure?.description.contains(Self.holderB) == true, report.failure?.description ?? "no failure")
    }

    func testAnUpdateExpectsTheTargetToHoldTheNumber() throws {
        let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"
        let before = AssignmentState(status: "user-assigned", assignedTo: "anna@contoso.com", objectID: Self.target)
        let plan = PlanFixtures.plan([PlanFixtures.action(.update, Self.number, location: location, before: before, changes: [.locationID])])
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.holderB)
        let report = try apply(plan, tenant)
        XCTAssertEqual(tenant.posts, [], "B's number is not moved to another location")
        XCTAssertTrue(report.failure?.description.contains(Self.holderB) == true, report.failure?.description ?? "no failure")
    }

    /// A journal line says only that an earlier run finished the step; the tenant is asked again.
    func testAJournaledStepIsCheckedAgainstTheTenant() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, Self.number)])
        let journal = try journal()
        let steps = ApplySteps.steps(for: plan)
        for step in steps { try journal.record(step: step.id, outcome: .done) }

        let undone = FakeTenant()
        undone.hold(Self.number, by: nil)
        let redone = try apply(plan, undone, journal: journal)
        XCTAssertNil(redone.failure)
        XCTAssertEqual(undone.posts, ["assignNumber"], "the tenant does not show the step's effect: it is carried out")
        XCTAssertEqual(redone.resumed, [])

        let done = FakeTenant()
        done.hold(Self.number, by: Self.target)
        let resumed = try apply(plan, done, journal: journal)
        XCTAssertEqual(done.posts, [])
        XCTAssertEqual(resumed.resumed, steps.map(\.id))

        let taken = FakeTenant()
        taken.hold(Self.number, by: Self.holderB)
        let refused = try apply(plan, taken, journal: journal)
        XCTAssertEqual(taken.posts, [])
        XCTAssertNotNil(refused.failure)
    }

    /// A live field of the wrong type is an error for that number, never read as "unassigned".
    func testAWronglyTypedAssignmentStatusIsNeverReadAsUnassigned() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, Self.number)])
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.holderB)
        tenant.numbers[Self.number]?["assignmentStatus"] = 5
        let report = try apply(plan, tenant)
        XCTAssertEqual(tenant.posts, [], "a number whose state cannot be read is not assigned")
        let failure = try XCTUnwrap(report.failure?.description)
        XCTAssertTrue(failure.contains("assignmentStatus"), failure)
    }

    func testAWronglyTypedHolderIsAnError() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, Self.number)])
        let tenant = FakeTenant()
        tenant.hold(Self.number, by: Self.holderB)
        tenant.numbers[Self.number]?["assignmentTargetId"] = ["id": Self.holderB]
        let report = try apply(plan, tenant)
        XCTAssertEqual(tenant.posts, [])
        XCTAssertTrue(report.failure?.description.contains("assignmentTargetId") == true, report.failure?.description ?? "no failure")
    }

    /// The number goes into an OData `$filter`: only the E.164 shape is sent, so no quote can end
    /// the literal and change the query.
    func testANumberOutsideTheE164ShapeNeverReachesTheFilter() throws {
        let hostile = "+4533121042' or telephoneNumber ne '"
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, hostile)])
        final class Recorder: HTTPTransport, @unchecked Sendable {
            var queries: [String] = []
            func send(_ request: HTTPRequest) throws -> HTTPResponse {
                if request.url.path.hasSuffix("/token") { return HTTPResponse(status: 200, body: Data(#"{"access_token":"abc.def.ghi"}"#.utf8)) }
                queries.append(request.url.query ?? "")
                return HTTPResponse(status: 200, body: Data(#"{"value":[]}"#.utf8))
            }
        }
        let recorder = Recorder()
        let configuration = try GraphConfiguration.fromEnvironment([
            "DDI_GRAPH_TENANT_ID": "t", "DDI_GRAPH_CLIENT_ID": "c", "DDI_GRAPH_CLIENT_SECRET": "very-secret-value",
            "DDI_GRAPH_BASE_URL": "http://127.0.0.1:1/v1.0", "DDI_LOGIN_BASE_URL": "http://127.0.0.1:1",
        ])
        let client = GraphClient(configuration: configuration, transport: recorder, sleep: { _ in })
        let steps = ApplySteps.steps(for: plan)
        let report = JournaledRun.run(steps, with: GraphProvider(client: client), journal: try journal(),
                                      progress: ApplyProgress(total: steps.count, terminal: false) { _ in })
        XCTAssertEqual(recorder.queries, [], "nothing is asked about a value that is not a phone number")
        XCTAssertTrue(report.failure?.description.contains("not a phone number") == true, report.failure?.description ?? "no failure")
    }
}
