import DDIKit
import XCTest
@testable import DDIPlan

/// The text plan lists a reassign's other changes by their type, not by searching the rendered
/// lines: a value that happens to hold "assigned_to" is shown like any other.
final class PlanTextChangeLinesTests: XCTestCase {
    func testAReassignShowsEveryOtherChangeWhateverItsValues() {
        let inventory = Declared.inventory("numbers:\n"
            + Declared.assigned("+4533121044", to: "peter.holm@contoso.com", extra: "    tags: [assigned_to-review]"))
        let result = plan(inventory, Live.snapshot([
            Live.number("+4533121044", status: .userAssigned, target: "id-anna", category: .primary, tags: ["old"]),
        ]))
        let action = result.actions.first
        XCTAssertEqual(action?.kind, .reassign)
        XCTAssertEqual(action?.changes, [.assignedTo, .tags])
        let text = PlanTextRenderer.render(result)
        XCTAssertTrue(text.contains("      ~ tags:        [old] -> [assigned_to-review]"), text)
    }
}
