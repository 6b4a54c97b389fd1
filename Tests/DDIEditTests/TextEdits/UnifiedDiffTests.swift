import XCTest
@testable import DDIEdit

final class UnifiedDiffTests: XCTestCase {
    func render(_ before: String, _ after: String) -> String {
        UnifiedDiff.render(path: "f.yaml", before: Array(before.utf8), after: Array(after.utf8))
    }

    func testHunksHaveThreeLinesOfContext() {
        let before = (1...20).map { "line \($0)\n" }.joined()
        let after = before.replacingOccurrences(of: "line 10\n", with: "line ten\n")
        XCTAssertEqual(render(before, after), """
        --- a/f.yaml
        +++ b/f.yaml
        @@ -7,7 +7,7 @@
         line 7
         line 8
         line 9
        -line 10
        +line ten
         line 11
         line 12
         line 13

        """)
    }

    func testDistantChangesMakeTwoHunksAndNearOnesOne() {
        let before = (1...30).map { "l\($0)\n" }.joined()
        let two = before.replacingOccurrences(of: "l2\n", with: "L2\n").replacingOccurrences(of: "l25\n", with: "L25\n")
        XCTAssertEqual(render(before, two).components(separatedBy: "@@ -").count - 1, 2)
        let one = before.replacingOccurrences(of: "l2\n", with: "L2\n").replacingOccurrences(of: "l7\n", with: "L7\n")
        XCTAssertEqual(render(before, one).components(separatedBy: "@@ -").count - 1, 1)
    }

    func testInsertionsDeletionsAndNoChange() {
        XCTAssertEqual(render("a\nb\n", "a\nb\n"), "")
        XCTAssertEqual(render("a\n", "a\nb\n"), "--- a/f.yaml\n+++ b/f.yaml\n@@ -1 +1,2 @@\n a\n+b\n")
        XCTAssertEqual(render("a\nb\n", "b\n"), "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,2 +1 @@\n-a\n b\n")
        XCTAssertEqual(render("", "a\n"), "--- a/f.yaml\n+++ b/f.yaml\n@@ -0,0 +1 @@\n+a\n")
        XCTAssertTrue(render("a\r\nb", "a\r\nc").hasSuffix("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"))
    }
}
