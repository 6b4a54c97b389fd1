import XCTest
import DDIKit

final class RepeatedProblemsTests: XCTestCase {
    func testAShapeSeenMoreThanThreeTimesIsPrintedOnceThenCounted() {
        let messages = (1...5).map { "n.json: record \($0) (+453312100\($0)): assigned to object id id-\($0), which no directory export lists" }
        XCTAssertEqual(RepeatedProblems.lines(messages, prefix: "error: "), [
            "error: n.json: record 1 (+4533121001): assigned to object id id-1, which no directory export lists",
            "       and 4 more like it (+4533121002, +4533121003, +4533121004, ...)",
        ])
    }

    func testAFewProblemsAndProblemsOfOtherShapesStayWholeAndInOrder() {
        let messages = [
            "a.json: record 1: field NumberType: is the number 2",
            "a.json: the file is empty",
            "a.json: record 2: field NumberType: is the number 2",
            "a.json: record 3: field NumberType: is the number 2",
        ]
        XCTAssertEqual(RepeatedProblems.lines(messages), messages)
    }

    func testEachShapeIsSummarisedAfterItsFirstProblem() {
        let messages = (1...4).flatMap { ["r \($0): field A: bad", "r \($0): field B: bad"] }
        XCTAssertEqual(RepeatedProblems.lines(messages), [
            "r 1: field A: bad",
            "and 3 more like it (2, 3, 4)",
            "r 1: field B: bad",
            "and 3 more like it (2, 3, 4)",
        ])
    }

    func testWordsWithoutDigitsMakeTheShape() {
        XCTAssertEqual(RepeatedProblems.shape(of: "record 12 (+4533121000): field X"), "record # # field X")
        XCTAssertNotEqual(RepeatedProblems.shape(of: "field X: bad"), RepeatedProblems.shape(of: "field Y: bad"))
    }
}
