import Foundation
import XCTest

final class ReserveCommandTests: XCTestCase {
    func testReserveABlockThenAllocateSkipsIt() throws {
        let copy = try ContosoCopy()
        let outcome = try copy.ddi(["reserve", "+4533121004..+4533121006", "--until", "2027-02-28", "--reason", "Interns: spring 2027"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(try copy.read("sites/copenhagen.yaml").hasSuffix("""
          - block: +4533121004..+4533121006
            status: reserved
            until: 2027-02-28
            reason: "Interns: spring 2027"

        """))
        let next = try copy.ddi(["allocate", "--range", "cph-hq", "--kind", "user", "--assigned-to", "x@contoso.com", "--owner", "x@contoso.com"])
        XCTAssertEqual(next.stdout, "+4533121008\n", next.stderr)
    }

    func testRefusesNumbersInUseAndBadDates() throws {
        let copy = try ContosoCopy()
        let inUse = try copy.ddi(["reserve", "+4533121040..+4533121049", "--until", "2027-02-28", "--reason", "x"])
        XCTAssertEqual(inUse.status, 1)
        XCTAssertTrue(inUse.stderr.contains("already declared assigned"), inUse.stderr)
        XCTAssertEqual(try copy.ddi(["reserve", "+4533121300", "--until", "2027-02-30", "--reason", "x"]).status, 64)
        XCTAssertEqual(try copy.ddi(["reserve", "+4533121300", "--until", "2026-01-01", "--reason", "x"]).status, 64)
    }

    /// A reservation longer than `policy.reservation_max_days` is a DDI007 error: nothing is written.
    func testTooLongIsRefused() throws {
        let copy = try ContosoCopy()
        let before = try copy.read("sites/copenhagen.yaml")
        let outcome = try copy.ddi(["reserve", "+4533121300", "--until", "2028-01-01", "--reason", "far"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("error[DDI007]"), outcome.stderr)
        XCTAssertEqual(try copy.read("sites/copenhagen.yaml"), before)
    }
}
