import Foundation
import XCTest

final class ReleaseCommandTests: XCTestCase {
    func testReleaseGoesToQuarantineAndValidates() throws {
        let copy = try ContosoCopy().withoutSnapshot()
        let outcome = try copy.ddi(["release", "+4533121042"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "+4533121042: released from anna.jensen@contoso.com, in quarantine until 2027-02-25 (departments/sales.yaml)\n")
        XCTAssertTrue(try copy.read("departments/sales.yaml").contains("""
          - number: "+4533121042"
            status: quarantine
            since: 2026-11-27
            note: released from anna.jensen@contoso.com (user, Sales) on 2026-11-27
          - number: "+4533121043"
        """))
        XCTAssertEqual(try copy.ddi(["validate"]).status, 0)
        // The released number is not allocated again while in quarantine.
        let next = try copy.ddi(["allocate", "--range", "cph-hq", "--count", "40", "--kind", "test", "--assigned-to", "t@contoso.com", "--owner", "IT", "--category", "private"])
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertFalse(next.stdout.contains("+4533121042"))
    }

    func testRefusalsWriteNothing() throws {
        let copy = try ContosoCopy()
        let before = try copy.snapshot()
        let quarantined = try copy.ddi(["release", "+4533121007"])
        XCTAssertEqual(quarantined.status, 1)
        XCTAssertTrue(quarantined.stderr.contains("not assigned"), quarantined.stderr)
        XCTAssertEqual(try copy.ddi(["release", "+4533121555"]).status, 1)
        XCTAssertEqual(try copy.ddi(["release", "4533121042"]).status, 64)
        XCTAssertEqual(try copy.snapshot(), before)
    }

    func testCRLFInventoryStaysCRLF() throws {
        let copy = try ContosoCopy()
        let original = try copy.read("departments/sales.yaml")
        try copy.write("departments/sales.yaml", original.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(try copy.ddi(["release", "+4533121042"]).status, 0)
        let text = try copy.read("departments/sales.yaml")
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
