import Foundation
import XCTest

final class PlanCommandTests: XCTestCase {
    let today = ["--today", "2026-11-27"]

    /// Digests and the commit change with every edit of the example; goldens compare everything else.
    static func masked(_ text: String) -> String {
        var result = text
        let rules: [(String, String)] = [
            ("sha256:[0-9a-f]{6,64}", "sha256:<digest>"),
            (", commit `?[0-9a-f]{7,40}`?", ", commit <commit>"),
            (", not a clean commit", ", commit <commit>"),
            ("\"commit\" : (null|\"[0-9a-f]{40}\")", "\"commit\" : <commit>"),
        ]
        for (pattern, replacement) in rules {
            result = result.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return result
    }

    static func assertMaskedGolden(_ actual: String, _ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = CLIRunner.repositoryRoot.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["DDI_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(masked(actual), masked(expected), "output differs from \(relativePath) (run with DDI_UPDATE_GOLDEN=1 to accept)", file: file, line: line)
    }

    func testContosoPlanShowsEveryActionAndFindingKindWithItsPlace() throws {
        let outcome = try CLIRunner.run(["plan", "-C", "examples/contoso"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertFalse(outcome.crashed)
        XCTAssertEqual(outcome.status, 0, "the quick start's plan has changes and warnings only\n\(outcome.stderr)")
        try Self.assertMaskedGolden(outcome.stdout, "examples/contoso/expected-plan.txt")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        for marker in ["+ assign", "~ update", "± reassign", "- unassign"] {
            let actionLines = lines.filter { $0.hasPrefix("  \(marker) ") }
            XCTAssertFalse(actionLines.isEmpty, "no \(marker) in the contoso plan")
            for line in actionLines {
                XCTAssertNotNil(line.range(of: "# [a-z/-]+\\.yaml:[0-9]+$", options: .regularExpression), "no file:line in: \(line)")
            }
        }
        for kind in ["not-in-tenant", "undeclared", "disabled-account"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix("  ! warning ") && $0.contains(" \(kind) ") }, "no \(kind) finding")
        }
        XCTAssertFalse(lines.contains { $0.hasPrefix("  ! error ") }, "the quick start has no error finding")
        for line in lines where line.hasPrefix("  ! ") {
            XCTAssertNotNil(line.range(of: "(\\.yaml:[0-9]+|record [0-9]+)$", options: .regularExpression), "no place in: \(line)")
        }
    }

    /// The error findings live in examples/northwind: a plan that blocks apply exits 1.
    func testNorthwindPlanShowsTheErrorFindingsAndExitsOne() throws {
        let outcome = try CLIRunner.run(["plan", "-C", "examples/northwind"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertFalse(outcome.crashed)
        XCTAssertEqual(outcome.status, 1, "the example has findings of severity error\n\(outcome.stderr)")
        try Self.assertMaskedGolden(outcome.stdout, "examples/northwind/expected-plan.txt")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        for kind in ["not-in-tenant", "external-conflict", "unresolved-identity"] {
            XCTAssertTrue(lines.contains { $0.hasPrefix("  ! error ") && $0.contains(" \(kind) ") }, "no \(kind) error in\n\(outcome.stdout)")
        }
        let detailed = try CLIRunner.run(["plan", "-C", "examples/northwind", "--detailed-exitcode"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(detailed.status, 1, "findings of severity error win over changes")
    }

    func testContosoMarkdownAndJSONGoldens() throws {
        let markdown = try CLIRunner.run(["plan", "-C", "examples/contoso", "--format", "markdown"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(markdown.status, 0)
        try Self.assertMaskedGolden(markdown.stdout, "examples/contoso/expected-plan.md")
        XCTAssertTrue(markdown.stdout.contains("| `±` reassign | 1 |"))

        let json = try CLIRunner.run(["plan", "-C", "examples/contoso", "--format", "json"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(json.status, 0)
        try Self.assertMaskedGolden(json.stdout, "examples/contoso/expected-plan.json")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["format_version"] as? Int, 1)
        let actions = try XCTUnwrap(object["actions"] as? [[String: Any]])
        XCTAssertEqual(Set(actions.compactMap { $0["kind"] as? String }), ["assign", "update", "reassign", "unassign"])
    }

    func testDetailedExitCodes() throws {
        let inSync = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "UserAssigned"))
        let noChanges = try CLIRunner.run(["plan", "-C", inSync.path, "--detailed-exitcode"] + today)
        XCTAssertEqual(noChanges.status, 0, noChanges.stdout + noChanges.stderr)
        XCTAssertTrue(noChanges.stdout.contains("No changes."))

        let drifted = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "Unassigned"))
        let changes = try CLIRunner.run(["plan", "-C", drifted.path, "--detailed-exitcode"] + today)
        XCTAssertEqual(changes.status, 2, changes.stdout + changes.stderr)
        XCTAssertTrue(changes.stdout.contains("+ assign"))
        let plain = try CLIRunner.run(["plan", "-C", drifted.path] + today)
        XCTAssertEqual(plain.status, 0, "without --detailed-exitcode changes are success")

        let contoso = try CLIRunner.run(["plan", "-C", "examples/contoso", "--detailed-exitcode"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(contoso.status, 2, "changes and warnings only")
    }

    func testInvalidInventoryStopsThePlanWithTheValidatorsDiagnostics() throws {
        let outcome = try CLIRunner.run(["plan", "-C", "examples/broken", "--live", "examples/contoso/live"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertTrue(outcome.stderr.contains("numbers.yaml:8:13: error[DDI003]"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("nothing was planned"))
    }

    func testBadSnapshotIsAnErrorNamingFileRecordAndField() throws {
        var files = PlanFixtures.inventory(liveStatus: "UserAssigned")
        files["live/numbers.json"] = "[{\"TelephoneNumber\": \"+4533121042\", \"NumberType\": 2, \"PstnAssignmentStatus\": \"UserAssigned\", \"AssignedPstnTargetId\": \"id-anna\"}]"
        let root = try TemporaryInventory(files: files)
        let outcome = try CLIRunner.run(["plan", "-C", root.path] + today)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertFalse(outcome.crashed)
        XCTAssertTrue(outcome.stderr.contains("live/numbers.json:1: record 1 (+4533121042): field NumberType:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("-EnumsAsStrings"))
    }

    func testOutSavesTheJSONPlanAndLiveOverridesTheConfiguredSnapshot() throws {
        let root = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "Unassigned"))
        let saved = root.url.appendingPathComponent("plan.json").path
        let outcome = try CLIRunner.run(["plan", "-C", root.path, "--out", saved, "--format", "json"] + today)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let savedText = try String(contentsOfFile: saved, encoding: .utf8)
        let lines = savedText.split(separator: "\n", omittingEmptySubsequences: false)
        // The saved plan is an encoded document: `checksum` sits where sorted keys put it.
        XCTAssertEqual(lines.filter { $0.hasPrefix("  \"checksum\" : \"sha256:") }.count, 1, savedText)
        XCTAssertEqual(lines.filter { !$0.hasPrefix("  \"checksum\" : ") }.joined(separator: "\n"), outcome.stdout,
                       "the saved plan is the JSON plan plus its checksum")

        let other = try TemporaryInventory(files: ["n.json": PlanFixtures.numbers(status: "UserAssigned"), "u.json": PlanFixtures.users])
        let overridden = try CLIRunner.run(["plan", "-C", root.path, "--live", other.url.appendingPathComponent("n.json").path,
                                            other.url.appendingPathComponent("u.json").path, "--detailed-exitcode"] + today)
        XCTAssertEqual(overridden.status, 0, overridden.stdout + overridden.stderr)
    }

    func testUsageErrors() throws {
        var files = PlanFixtures.inventory(liveStatus: "UserAssigned")
        files["ddi.yaml"] = "version: 1\n"
        let root = try TemporaryInventory(files: files)
        for arguments in [["plan", "-C", root.path], ["plan", "-C", root.path, "--format", "yaml"]] {
            let outcome = try CLIRunner.run(arguments + today)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
        }
        let missing = try CLIRunner.run(["plan", "-C", root.path, "--live", "/nonexistent/snapshot"] + today)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/snapshot: no such file or directory"), missing.stderr)
    }

    /// A `live:` that leaves the inventory root is an invalid inventory (exit 1, the diagnostic as
    /// ddi validate prints it), not a usage error, whether or not --live is given.
    func testLiveOutsideTheRootIsAnInvalidInventory() throws {
        var files = PlanFixtures.inventory(liveStatus: "UserAssigned")
        files["ddi.yaml"] = "version: 1\nlive: ../..\n"
        let root = try TemporaryInventory(files: files)
        for live in [[], ["--live", root.url.appendingPathComponent("live").path]] {
            let outcome = try CLIRunner.run(["plan", "-C", root.path] + live + today)
            XCTAssertEqual(outcome.status, 1, "\(live): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("ddi.yaml:2:7: error[DDI001]"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("ddi plan: the inventory is not valid; nothing was planned"), outcome.stderr)
            XCTAssertEqual(outcome.stdout, "")
        }
    }

    func testFabrikamGraphAndCSVSnapshotIsInSync() throws {
        let outcome = try CLIRunner.run(["plan", "-C", "examples/fabrikam", "--detailed-exitcode"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("(graph-page, "))
        XCTAssertTrue(outcome.stdout.contains("(users-csv, "))
    }
}

/// A one-number inventory with a snapshot in live/.
enum PlanFixtures {
    static let users = """
    [{"Identity": "id-anna", "UserPrincipalName": "anna.jensen@contoso.com", "AccountEnabled": true, "AccountType": "User"}]
    """

    static func numbers(status: String) -> String {
        let target = status == "Unassigned" ? "null" : "\"id-anna\""
        return """
        [{"TelephoneNumber": "+4533121042", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "\(status)",
          "AssignedPstnTargetId": \(target), "AssignmentCategory": "Primary", "Tag": []}]
        """
    }

    static func inventory(liveStatus: String) -> [String: String] {
        [
            "ddi.yaml": "version: 1\nlive: live/\n",
            "numbers.yaml": """
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
                reviewed: 2026-10-02
            """,
            "live/numbers.json": numbers(status: liveStatus),
            "live/users.json": users,
        ]
    }
}
