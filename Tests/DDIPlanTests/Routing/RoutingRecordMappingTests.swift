import DDIKit
import XCTest
@testable import DDIPlan

final class RoutingRecordMappingTests: XCTestCase {
    func testAutoAttendantExportReadsBusinessAndAfterHoursTargets() throws {
        let snapshot = try RoutingTenant.snapshot()
        let attendant = try XCTUnwrap(snapshot.routing.autoAttendants?.first)
        XCTAssertEqual(attendant.id, RoutingTenant.aaID)
        XCTAssertEqual(attendant.name, "Main Auto Attendant")
        XCTAssertEqual(attendant.businessHours, .transfer(LiveCallTarget(type: .applicationEndpoint, id: RoutingTenant.cqAccount)))
        XCTAssertEqual(attendant.afterHours, .transfer(LiveCallTarget(type: .externalPSTN, id: "tel:+4570221500")))
        XCTAssertEqual(attendant.applicationInstances, [RoutingTenant.aaAccount])
        XCTAssertEqual(snapshot.files.first { $0.path == "auto-attendants.json" }?.format, .autoAttendantsJSON)
    }

    func testCallQueueExportReadsAgentsOverflowTimeoutAndAssociation() throws {
        let snapshot = try RoutingTenant.snapshot()
        let queue = try XCTUnwrap(snapshot.routing.callQueues?.first)
        XCTAssertEqual(queue.agents, [RoutingTenant.anna, RoutingTenant.peter])
        XCTAssertEqual(queue.overflowAction, "Forward")
        XCTAssertEqual(queue.overflowTarget, LiveCallTarget(type: .user, id: RoutingTenant.anna))
        XCTAssertEqual(queue.timeoutAction, "SharedVoicemail")
        XCTAssertEqual(queue.timeoutTarget, LiveCallTarget(type: .sharedVoicemail, id: RoutingTenant.group))
        XCTAssertEqual(queue.applicationInstances, [RoutingTenant.cqAccount])
        XCTAssertEqual(snapshot.files.first { $0.path == "call-queues.json" }?.format, .callQueuesJSON)
    }

    func testWithoutRoutingExportsTheSnapshotHasNoRouting() throws {
        let snapshot = try RoutingTenant.snapshot(autoAttendants: nil, callQueues: nil)
        XCTAssertNil(snapshot.routing.autoAttendants)
        XCTAssertNil(snapshot.routing.callQueues)
    }

    func testEnumsExportedAsNumbersAreAProblemWithTheHint() {
        let export = RoutingTenant.callQueues().replacingOccurrences(of: "\"OverflowAction\": \"Forward\"", with: "\"OverflowAction\": 1")
        XCTAssertThrowsError(try RoutingTenant.snapshot(callQueues: export)) { error in
            let problems = (error as? SnapshotProblems)?.problems ?? []
            XCTAssertEqual(problems.map(\.field), ["OverflowAction"])
            XCTAssertTrue(problems.first?.message.contains("-EnumsAsStrings") ?? false, "\(problems)")
        }
    }

    func testAnUnknownCallTargetTypeIsAProblemNotACrash() {
        let export = RoutingTenant.callQueues(overflowTarget: #"{"Id": "x", "Type": "Teleporter"}"#)
        XCTAssertThrowsError(try RoutingTenant.snapshot(callQueues: export)) { error in
            XCTAssertTrue("\(error)".contains("Teleporter"), "\(error)")
        }
    }

    func testARecordWithoutIdentityIsAProblem() {
        let export = RoutingTenant.callQueues().replacingOccurrences(of: "\"Identity\"", with: "\"Nothing\"")
        XCTAssertThrowsError(try RoutingTenant.snapshot(callQueues: export)) { error in
            XCTAssertTrue("\(error)".contains("Identity"), "\(error)")
        }
    }

    func testDeeplyNestedHostileExportIsRefusedNotCrashing() {
        let hostile = "[{\"OverflowAction\": \"Forward\", \"TimeoutAction\": \"Forward\", \"X\": " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}]"
        XCTAssertThrowsError(try RoutingTenant.snapshot(callQueues: hostile))
    }

    func testCallQueueOverflowByBareTelephoneURI() throws {
        let export = RoutingTenant.callQueues(overflowTarget: "\"tel:+4570221500\"")
        let queue = try XCTUnwrap(try RoutingTenant.snapshot(callQueues: export).routing.callQueues?.first)
        XCTAssertEqual(queue.overflowTarget, LiveCallTarget(type: .externalPSTN, id: "tel:+4570221500"))
    }
}
