import Foundation
import XCTest

/// One cause must not drown in its consequences (issue 14, item 10): each test is a flood a new
/// administrator met on the first day, and says that the cause is printed once and the rest summarised.
final class FloodTests: XCTestCase {
    /// An invalid range id leaves the range out; its 32 numbers were 32 more errors, one each.
    func testInvalidRangeIDIsOneErrorAndOneSummaryOfItsNumbers() throws {
        let copy = try ContosoCopy()
        let site = try copy.read("sites/copenhagen.yaml")
        try copy.write("sites/copenhagen.yaml", site.replacingOccurrences(of: "  - id: cph-hq\n", with: "  - id: CPH-HQ\n"))
        let outcome = try copy.ddi(["validate"])
        XCTAssertEqual(outcome.status, 1)
        let errors = outcome.stdout.split(separator: "\n").filter { $0.contains(": error[") }
        XCTAssertEqual(errors.count, 2, outcome.stdout)
        XCTAssertTrue(errors.contains { $0.contains("error[DDI001]: 'id' 'CPH-HQ' must be lowercase") }, outcome.stdout)
        XCTAssertTrue(errors.contains {
            $0.hasPrefix("sites/copenhagen.yaml:14:5: error[DDI005]: 32 declared numbers or blocks lie inside +4533121000..+4533121999")
                && $0.hasSuffix("+4533121070, +4533121071, +4533121072 and 29 more")
        }, outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("2 errors"), outcome.stdout)
    }

    /// A range id that is fine everywhere else still reports numbers outside every range one by one.
    func testNumbersOutsideAnyRangeAreStillReportedEachOnTheirOwn() throws {
        let copy = try ContosoCopy()
        let site = try copy.read("sites/copenhagen.yaml")
        try copy.write("sites/copenhagen.yaml", site + "  - number: \"+4533129500\"\n    status: free\n")
        let outcome = try copy.ddi(["validate"])
        XCTAssertTrue(outcome.stdout.contains("error[DDI005]: +4533129500 is outside every declared range"), outcome.stdout)
    }

    /// `ddi import` given only the numbers export: every assigned number failed the same way.
    func testImportWithoutDirectoryExportPrintsTheProblemOnceWithACount() throws {
        let target = try TemporaryInventory(files: [:])
        let numbers = CLIRunner.repositoryRoot.appendingPathComponent("examples/contoso/live/phone-numbers.json").path
        let outcome = try CLIRunner.run(["import", "--live", numbers, "--out", target.url.appendingPathComponent("out").path, "--today", "2026-11-27"])
        XCTAssertEqual(outcome.status, 1)
        let lines = outcome.stderr.split(separator: "\n")
        XCTAssertLessThanOrEqual(lines.count, 4, outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("\\n"), "problems are on lines of their own, not joined by an escaped newline")
        XCTAssertTrue(lines.first?.hasPrefix("error: ") == true && lines.first?.contains("which no directory export lists") == true, outcome.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("       and ") && $0.contains(" more like it (+4533121001, +4533121002, +4533121003, ...)") }, outcome.stderr)
    }

    /// An export written without `-EnumsAsStrings`: a problem per record and enum field.
    func testNumericEnumsArePrintedOncePerFieldWithACount() throws {
        let live = CLIRunner.repositoryRoot.appendingPathComponent("examples/contoso/live/phone-numbers.json")
        let records = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: live)) as? [[String: Any]])
        // 60 records: enough for the flood, and little enough output that the runner's pipes cannot fill.
        let numeric = records.prefix(60).map { record -> [String: Any] in
            var record = record
            record["NumberType"] = 2
            return record
        }
        let snapshot = try TemporaryInventory(files: [:])
        try FileManager.default.createDirectory(at: snapshot.url, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: numeric).write(to: snapshot.url.appendingPathComponent("phone-numbers.json"))
        let copy = try ContosoCopy()
        let outcome = try copy.ddi(["plan", "--live", snapshot.path])
        XCTAssertEqual(outcome.status, 1)
        let problems = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        XCTAssertEqual(problems.count, 1, outcome.stderr)
        XCTAssertTrue(problems.first?.contains("field NumberType: is the number 2: the enum was exported as a number") == true, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("       and 59 more like it (+4533121001, +4533121002, +4533121003, ...)"), outcome.stderr)
        XCTAssertLessThanOrEqual(outcome.stderr.split(separator: "\n").count, 4, outcome.stderr)
    }
}
