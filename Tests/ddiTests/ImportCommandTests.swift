import Foundation
import XCTest

final class ImportCommandTests: XCTestCase {
    let today = ["--today", "2026-11-27"]

    /// `ddi import` then `ddi plan` of the result against the same snapshot: no actions, on both example tenants.
    func testImportRoundTripsToAnEmptyPlanOnBothExamples() throws {
        for (example, grouping) in [("contoso", "country"), ("fabrikam", "site")] {
            let target = try TemporaryInventory(files: [:])
            let out = target.url.appendingPathComponent("inventory").path
            let live = CLIRunner.repositoryRoot.appendingPathComponent("examples/\(example)/live").path
            let imported = try CLIRunner.run(["import", "--live", live, "--out", out, "--group-by", grouping, "--tenant", "\(example).onmicrosoft.com"] + today)
            XCTAssertEqual(imported.status, 0, imported.stderr)
            XCTAssertTrue(imported.stdout.hasPrefix("wrote "), imported.stdout)

            let validated = try CLIRunner.run(["validate", "-C", out] + today)
            XCTAssertEqual(validated.status, 0, "\(example): \(validated.stdout)")
            let problems = validated.stdout.split(separator: "\n").filter { $0.contains("error[") || ($0.contains("warning[") && !$0.contains("[DDI009]")) }
            XCTAssertEqual(problems, [], "only review-date warnings are allowed")

            let planned = try CLIRunner.run(["plan", "-C", out, "--live", live, "--detailed-exitcode"] + today)
            XCTAssertEqual(planned.status, 0, "\(example): \(planned.stdout)\(planned.stderr)")
            XCTAssertTrue(planned.stdout.contains("No changes."), planned.stdout)
        }
    }

    func testRefusesToOverwriteAnInventory() throws {
        let target = try TemporaryInventory(files: ["ddi.yaml": "version: 1\n"])
        let outcome = try CLIRunner.run(["import", "--live", "examples/fabrikam/live", "--out", target.path] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(outcome.status, 64)
        XCTAssertTrue(outcome.stderr.contains("already holds an inventory"))
        XCTAssertEqual(try String(contentsOf: target.url.appendingPathComponent("ddi.yaml"), encoding: .utf8), "version: 1\n")
    }

    func testBadSnapshotWritesNothing() throws {
        let input = try TemporaryInventory(files: ["n.json": "[{\"TelephoneNumber\": \"+4533121042\""])
        let out = input.url.appendingPathComponent("out").path
        let outcome = try CLIRunner.run(["import", "--live", input.url.appendingPathComponent("n.json").path, "--out", out] + today)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("n.json:1: not valid JSON"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
        let usage = try CLIRunner.run(["import", "--out", out] + today)
        XCTAssertEqual(usage.status, 64)
    }
}
