import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

/// A saved plan is stale when its routing differs from the routing planned now (README "Routing", stale plans).
final class StalePlanRoutingTests: XCTestCase {
    static func routing(after: String) -> RoutingPlan {
        RoutingPlan(actions: [RoutingAction(
            type: .callQueue, id: "cq-reception", configurationID: "0c5e8a21-7f3d-5b94-8e16-2a9d4c7b3e58", name: "Reception",
            changes: [RoutingChange(field: .overflow, before: RoutingValue(text: "Disconnect", action: "Disconnect"),
                                    after: RoutingValue(text: "external:\(after)", action: "Forward",
                                                        target: LiveCallTarget(type: .externalPSTN, id: "tel:\(after)")))],
            declaredAt: SourceLocation(file: "routing.yaml", line: 3, column: 5))])
    }

    func testADifferentRoutingTargetMakesThePlanStale() {
        var saved = PlanFixtures.plan([]), current = PlanFixtures.plan([])
        saved.routing = Self.routing(after: "+4570221500")
        current.routing = Self.routing(after: "+4570221599")
        let lines = StalePlanCheck.differences(saved: saved, current: current)
        XCTAssertTrue(lines.first?.contains("cq-reception: the saved plan does update call-queue (overflow: Disconnect -> external:+4570221500)") ?? false, "\(lines)")
        current.routing = saved.routing
        XCTAssertEqual(StalePlanCheck.differences(saved: saved, current: current), [])
    }

    func testRoutingAddedSinceThePlanMakesItStale() {
        var current = PlanFixtures.plan([])
        current.routing = Self.routing(after: "+4570221500")
        XCTAssertFalse(StalePlanCheck.differences(saved: PlanFixtures.plan([]), current: current).isEmpty)
    }
}
