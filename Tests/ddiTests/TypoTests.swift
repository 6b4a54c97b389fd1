import Foundation
import XCTest
@testable import ddi

/// Typos that used to succeed silently: a mistyped leaver, command or date.
final class TypoTests: XCTestCase {
    func testOffboardingAMistypedIdentityIsRefusedWithTheClosestKnownOne() throws {
        let copy = try ContosoCopy()
        let before = try copy.snapshot()
        let outcome = try copy.ddi(["offboard", "karen.lnd@contoso.com"])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "error: unknown identity karen.lnd@contoso.com (did you mean 'karen.lund@contoso.com'?): neither the inventory nor the directory export names it\n")
        XCTAssertEqual(try copy.snapshot(), before)
    }

    func testTheDirectoryExportNamesIdentitiesTheInventoryDoesNot() throws {
        let copy = try ContosoCopy()
        // In users.json, holding no number: a known identity with nothing to release is no error.
        let outcome = try copy.ddi(["offboard", "temp.reception@contoso.com"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("no numbers are assigned to temp.reception@contoso.com"), outcome.stderr)
        // Without the export the same identity is unknown.
        try FileManager.default.removeItem(at: copy.url.appendingPathComponent("live"))
        XCTAssertEqual(try copy.ddi(["offboard", "temp.reception@contoso.com"]).status, 1)
    }

    func testAllocateWarnsOnlyAboutAnIdentityTheExportDoesNotHaveYet() throws {
        let copy = try ContosoCopy()
        let hire = try copy.ddi(["allocate", "--range", "cph-hq", "--assigned-to", "new.hire@contoso.com", "--kind", "user", "--owner", "Sales"])
        XCTAssertEqual(hire.status, 0, hire.stderr)
        XCTAssertTrue(hire.stderr.contains("warning: new.hire@contoso.com is not in the directory export yet"), hire.stderr)
        let known = try copy.ddi(["allocate", "--range", "cph-hq", "--assigned-to", "anna.jensen@contoso.com", "--kind", "user",
                                  "--category", "private", "--owner", "Sales"])
        XCTAssertEqual(known.status, 0, known.stderr)
        XCTAssertFalse(known.stderr.contains("warning:"), known.stderr)
    }

    func testAMistypedCommandGetsADidYouMean() throws {
        let outcome = try CLIRunner.run(["validat"])
        XCTAssertEqual(outcome.status, 64)
        XCTAssertTrue(outcome.stderr.contains("unknown command 'validat' (did you mean 'validate'?)"), outcome.stderr)
        let far = try CLIRunner.run(["frobnicate"])
        XCTAssertEqual(far.status, 64)
        XCTAssertTrue(far.stderr.contains("unknown command 'frobnicate'; 'ddi --help' lists them"), far.stderr)
    }

    func testAnImpossibleDateIsNotARealDate() throws {
        let copy = try ContosoCopy()
        let outcome = try copy.ddi(["validate"], today: "2026-02-30")
        XCTAssertEqual(outcome.status, 64)
        XCTAssertTrue(outcome.stderr.contains("--today 2026-02-30 is not a real date (that month has 28 days)"), outcome.stderr)
        let shape = try copy.ddi(["validate"], today: "30.02.2026")
        XCTAssertTrue(shape.stderr.contains("--today must be a date YYYY-MM-DD, found '30.02.2026'"), shape.stderr)
        let until = try copy.ddi(["reserve", "+4533121500", "--until", "2027-04-31", "--reason", "x"])
        XCTAssertEqual(until.status, 64)
        XCTAssertTrue(until.stderr.contains("--until 2027-04-31 is not a real date (that month has 30 days)"), until.stderr)
        XCTAssertEqual(DateArgument.monthLength(of: "2028-02-30"), 29)
    }
}
