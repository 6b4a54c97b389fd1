import Foundation
import XCTest

final class ReviewCommandTests: XCTestCase {
    func testReviewSetsTodayAndNothingElse() throws {
        let copy = try ContosoCopy()
        let dry = try copy.ddi(["review", "+4533121042", "--dry-run"])
        XCTAssertEqual(dry.stdout, """
        --- a/departments/sales.yaml
        +++ b/departments/sales.yaml
        @@ -39,7 +39,7 @@
             department: Sales
             license: Teams Phone Standard
             tags: [sales]
        -    reviewed: 2026-10-02
        +    reviewed: 2026-11-27
           - number: "+4533121043"
             status: assigned
             kind: user

        """)
        let byOwner = try copy.ddi(["review", "--owner", "Front Office"])
        XCTAssertEqual(byOwner.status, 0, byOwner.stderr)
        XCTAssertEqual(byOwner.stdout.split(separator: "\n").count, 4)
    }

    func testUsage() throws {
        let copy = try ContosoCopy()
        XCTAssertEqual(try copy.ddi(["review"]).status, 64)
        XCTAssertEqual(try copy.ddi(["review", "+4533121007"]).status, 1)
    }
}
