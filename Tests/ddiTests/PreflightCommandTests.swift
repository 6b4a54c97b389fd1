import DDIKit
import Foundation
import XCTest

/// The preflight checks through the built `ddi`: the tailspin example's plan in every format,
/// `ddi explain` for the checks, and their severities in ddi.yaml.
final class PreflightCommandTests: XCTestCase {
    let today = ["--today", "2026-11-27"]

    func testTailspinPlanGoldensInTextMarkdownAndJSON() throws {
        let text = try CLIRunner.run(["plan", "-C", "examples/tailspin"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertFalse(text.crashed)
        XCTAssertEqual(text.status, 1, "preflight errors block apply\n\(text.stderr)")
        try PlanCommandTests.assertMaskedGolden(text.stdout, "examples/tailspin/expected-plan.txt")
        XCTAssertTrue(text.stdout.contains("Preflight checks"), text.stdout)

        let markdown = try CLIRunner.run(["plan", "-C", "examples/tailspin", "--format", "markdown"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(markdown.status, 1)
        try PlanCommandTests.assertMaskedGolden(markdown.stdout, "examples/tailspin/expected-plan.md")
        XCTAssertTrue(markdown.stdout.contains("#### Preflight checks"))

        let json = try CLIRunner.run(["plan", "-C", "examples/tailspin", "--format", "json"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(json.status, 1)
        try PlanCommandTests.assertMaskedGolden(json.stdout, "examples/tailspin/expected-plan.json")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let preflight = findings.filter { $0["kind"] as? String == "preflight" }
        XCTAssertFalse(preflight.isEmpty)
        for finding in preflight {
            XCTAssertNotNil(finding["check_id"] as? String, "\(finding)")
            XCTAssertNotNil(finding["fix"] as? String, "\(finding)")
        }
    }

    func testExplainListsTheChecksBesideTheRulesAndExplainsEachOne() throws {
        let list = try CLIRunner.run(["explain"])
        XCTAssertEqual(list.status, 0)
        for id in PreflightCheckIDs.all {
            XCTAssertTrue(list.stdout.contains("\(id)   "), "\(id) not listed")
        }
        XCTAssertTrue(list.stdout.contains("DDI001"), "the rules are still listed")
        var all = ""
        for id in PreflightCheckIDs.all {
            let outcome = try CLIRunner.run(["explain", id.lowercased()])
            XCTAssertEqual(outcome.status, 0, id)
            XCTAssertTrue(outcome.stdout.contains("Source: https://learn.microsoft.com/"), id)
            all += outcome.stdout + "\n"
        }
        try GoldenOutputTests.assertGolden(all, "explain-preflight.txt")
        let unknown = try CLIRunner.run(["explain", "PF099"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("PF0"), unknown.stderr)
    }

    func testDDIYamlTurnsAPreflightErrorIntoAWarning() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-tailspin-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("examples/tailspin"), to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("ddi.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "  PF007: warning\n").write(to: config, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["plan", "-C", root.path, "--format", "json"] + today, in: CLIRunner.repositoryRoot)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let privateLine = findings.filter { $0["check_id"] as? String == "PF007" }
        XCTAssertFalse(privateLine.isEmpty)
        XCTAssertTrue(privateLine.allSatisfy { $0["severity"] as? String == "warning" }, "\(privateLine)")
    }
}
