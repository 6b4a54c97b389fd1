import XCTest
@testable import DDIEdit

final class EditErrorTests: XCTestCase {
    func testMessagesNameWhatWasRefused() {
        XCTAssertEqual(EditError.rangeFull("cph-hq").description, "range cph-hq has no free number left")
        XCTAssertTrue(EditError.invalidResult(["a", "b"]).description.hasSuffix("a\nb"))
    }
}
