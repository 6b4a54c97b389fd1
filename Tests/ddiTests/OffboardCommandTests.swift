import Foundation
import XCTest

final class OffboardCommandTests: XCTestCase {
    func testOffboardReleasesEveryNumberAndListsThem() throws {
        let copy = try ContosoCopy()
        let outcome = try copy.ddi(["offboard", "karen.lund@contoso.com"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, """
        +4533121020: released from karen.lund@contoso.com, in quarantine until 2027-02-25 (departments/management.yaml)
        +4533121021: released from karen.lund@contoso.com, in quarantine until 2027-02-25 (departments/management.yaml)

        """)
        XCTAssertTrue(outcome.stderr.contains("check: departments/management.yaml:39:5: +4533121023 (assigned) is still owned by karen.lund@contoso.com"), outcome.stderr)
        XCTAssertFalse(try copy.read("departments/management.yaml").contains("assigned_to: karen.lund@contoso.com"))
        XCTAssertEqual(try copy.ddi(["validate"]).status, 0)
        // Offboarding again finds nothing.
        let again = try copy.ddi(["offboard", "karen.lund@contoso.com"])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stdout, "")
    }

    func testSomeoneWithoutNumbers() throws {
        let copy = try ContosoCopy()
        let before = try copy.snapshot()
        // Known to the directory export (live/users.json), holding no number: nothing to do, no error.
        let outcome = try copy.ddi(["offboard", "temp.reception@contoso.com"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("no numbers are assigned to temp.reception@contoso.com"))
        XCTAssertEqual(try copy.snapshot(), before)
        // Known to no one: a typo, refused (TypoTests).
        XCTAssertEqual(try copy.ddi(["offboard", "nobody@contoso.com"]).status, 1)
    }

    func testDryRunShowsTheDiff() throws {
        let copy = try ContosoCopy()
        let outcome = try copy.ddi(["offboard", "anna.jensen@contoso.com", "--dry-run"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("-    assigned_to: anna.jensen@contoso.com\n"), outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("anna.jensen@contoso.com is an agent of cq-sales-dk"), outcome.stderr)
    }
}
