import XCTest
@testable import DDIPlan

final class PlanActionKindTests: XCTestCase {
    func testMarkersAreDistinct() {
        let markers = PlanActionKind.allCases.map(\.marker)
        XCTAssertEqual(Set(markers).count, markers.count)
        XCTAssertEqual(PlanActionKind.assign.marker, "+")
        XCTAssertEqual(PlanActionKind.unassign.marker, "-")
    }
}
