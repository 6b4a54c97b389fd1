import DDIKit
import XCTest

final class WordingTests: XCTestCase {
    func testCountsAgreeWithTheirNumber() {
        XCTAssertEqual(Wording.counted(0, "step"), "0 steps")
        XCTAssertEqual(Wording.counted(1, "step"), "1 step")
        XCTAssertEqual(Wording.counted(2, "tag step"), "2 tag steps")
        XCTAssertEqual(Wording.counted(2, "entry", plural: "entries"), "2 entries")
    }

    func testTheArticleFollowsTheSound() {
        XCTAssertEqual(Wording.withArticle("auto-attendant"), "an auto-attendant")
        XCTAssertEqual(Wording.withArticle("call-queue"), "a call-queue")
        XCTAssertEqual(Wording.withArticle("user"), "a user")
        XCTAssertEqual(Wording.withArticle("unassigned"), "an unassigned")
        XCTAssertEqual(Wording.withArticle("operator-connect"), "an operator-connect")
        XCTAssertEqual(Wording.withArticle(""), "a ")
    }
}
