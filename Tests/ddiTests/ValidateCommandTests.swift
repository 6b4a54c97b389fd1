import DDIKit
import Foundation
import XCTest

final class ValidateCommandTests: XCTestCase {
    let today = ["--today", "2026-11-27"]

    func testBrokenExampleMatchesGoldenOutputAndTripsEveryRule() throws {
        let outcome = try CLIRunner.run(["validate", "-C", "examples/broken"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        try CLIRunner.assertGolden(outcome.stdout, "examples/broken/expected-validate.txt")
        for number in 1...13 {
            let id = String(format: "DDI%03d", number)
            XCTAssertTrue(outcome.stdout.contains("[\(id)]"), "examples/broken does not trip \(id)")
        }
    }

    func testContosoExampleIsClean() throws {
        let outcome = try CLIRunner.run(["validate", "-C", "examples/contoso"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains("error["), outcome.stdout)
    }

    func testFindsTheRootFromASubdirectory() throws {
        let directory = CLIRunner.repositoryRoot.appendingPathComponent("examples/broken")
        let outcome = try CLIRunner.run(["validate"] + today, in: directory)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stdout.hasPrefix("numbers.yaml:"), outcome.stdout)
    }

    func testTodayComesFromTheEnvironment() throws {
        let viaOption = try CLIRunner.run(["validate", "-C", "examples/broken", "--today", "2026-03-02"], in: CLIRunner.repositoryRoot)
        let viaEnvironment = try CLIRunner.run(["validate", "-C", "examples/broken"], in: CLIRunner.repositoryRoot, environment: ["DDI_TODAY": "2026-03-02"])
        XCTAssertEqual(viaOption.stdout, viaEnvironment.stdout)
        XCTAssertFalse(viaOption.stdout.contains("DDI008"), "quarantine since 2026-03-01 is not over on 2026-03-02")
    }

    func testStrictTurnsWarningsIntoFailure() throws {
        let root = try TemporaryInventory(files: [
            "ddi.yaml": "version: 1\n",
            "n.yaml": """
            ranges:
              - id: cph-hq
                block: "+4533121000..+4533121999"
                source: operator-connect
                country: DK
            numbers:
              - number: "+4533121042"
                status: assigned
                kind: user
                assigned_to: anna.jensen@contoso.com
                owner: anna.jensen@contoso.com
            """,
        ])
        let relaxed = try CLIRunner.run(["validate", "-C", root.path] + today)
        XCTAssertEqual(relaxed.status, 0, relaxed.stdout)
        XCTAssertTrue(relaxed.stdout.contains("warning[DDI009]"))
        let strict = try CLIRunner.run(["validate", "-C", root.path, "--strict"] + today)
        XCTAssertEqual(strict.status, 1)
    }

    func testUsageErrorsExit64() throws {
        for arguments in [
            ["validate", "--format", "xml"],
            ["validate", "--today", "2026-02-30"],
            ["validate", "-C", "/"],
            ["explain", "DDI999"],
            ["frobnicate"],
        ] {
            let outcome = try CLIRunner.run(arguments, in: CLIRunner.repositoryRoot)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.stderr.isEmpty, "\(arguments) explains nothing")
        }
    }

    func testJSONFormat() throws {
        let outcome = try CLIRunner.run(["validate", "-C", "examples/broken", "--format", "json"] + today, in: CLIRunner.repositoryRoot)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let diagnostics = try XCTUnwrap(object?["diagnostics"] as? [[String: Any]])
        let summary = try XCTUnwrap(object?["summary"] as? [String: Int])
        XCTAssertEqual(summary["errors"], diagnostics.filter { $0["severity"] as? String == "error" }.count)
        let first = try XCTUnwrap(diagnostics.first)
        XCTAssertNotNil(first["ruleID"])
        let location = try XCTUnwrap(first["location"] as? [String: Any])
        XCTAssertEqual(location["file"] as? String, "numbers.yaml")
    }

    func testGitHubAnnotationsNameRepositoryPaths() throws {
        let outcome = try CLIRunner.run(["validate", "-C", "examples/broken", "--format", "github"] + today, in: CLIRunner.repositoryRoot)
        let lines = outcome.stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=examples/broken/numbers.yaml,line=8,col=13,title=DDI003::") }, outcome.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("::notice file=examples/broken/numbers.yaml,") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning ") })
    }

    func testSARIFIsWhatCodeScanningReads() throws {
        let outcome = try CLIRunner.run(["validate", "-C", "examples/broken", "--format", "sarif"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(outcome.status, 1)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertNotNil(log["$schema"])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "ddi")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, RuleCatalog.ids)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertFalse(results.isEmpty)
        for result in results {
            let ruleIndex = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[ruleIndex]["id"] as? String, result["ruleId"] as? String)
            XCTAssertTrue(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try XCTUnwrap((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            XCTAssertTrue(uri.hasPrefix("examples/broken/"), uri)
            let region = try XCTUnwrap(location["region"] as? [String: Int])
            XCTAssertGreaterThanOrEqual(region["startLine"] ?? 0, 1)
            XCTAssertNotNil(result["partialFingerprints"])
        }
    }
}

final class ExplainCommandTests: XCTestCase {
    func testExplainPrintsRationaleAndExamples() throws {
        let outcome = try CLIRunner.run(["explain", "ddi003"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.hasPrefix("DDI003: Duplicate number\n"))
        XCTAssertTrue(outcome.stdout.contains("Valid: "))
        XCTAssertTrue(outcome.stdout.contains("Invalid: "))
        XCTAssertTrue(outcome.stdout.contains("status: reserved"))
    }

    func testExplainListsEveryRule() throws {
        let outcome = try CLIRunner.run(["explain"])
        // The preflight checks are listed after the rules (PreflightCommandTests checks them).
        XCTAssertEqual(outcome.stdout.split(separator: "\n").count, RuleCatalog.all.count + PreflightCheckIDs.all.count)
    }
}

/// An inventory in a temporary directory, removed when the test object goes away.
final class TemporaryInventory {
    let url: URL
    var path: String { url.path }

    init(files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-test-\(UUID().uuidString)")
        for (relative, text) in files {
            let file = url.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
