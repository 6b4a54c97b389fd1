import Foundation
import XCTest

/// The exit contract of `ddi plan` that CI relies on, and the "outcome" member of its JSON that says
/// which case it is and why: 1 something blocks apply, 0 in sync (or changes without
/// --detailed-exitcode), 2 changes apply can carry out (with --detailed-exitcode).
final class PlanExitContractTests: XCTestCase {
    let today = ["--today", "2026-11-27"]

    func outcome(of arguments: [String]) throws -> (status: Int32, outcome: [String: Any], stderr: String) {
        let run = try CLIRunner.run(arguments + ["--format", "json"] + today)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout + run.stderr)
        return (run.status, try XCTUnwrap(object["outcome"] as? [String: Any], run.stdout), run.stderr)
    }

    func assertOutcome(_ arguments: [String], exit: Int32, status: String, reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try outcome(of: arguments)
        XCTAssertEqual(result.status, exit, result.stderr, file: file, line: line)
        XCTAssertEqual(result.outcome["exit_code"] as? Int, Int(exit), file: file, line: line)
        XCTAssertEqual(result.outcome["status"] as? String, status, file: file, line: line)
        let said = result.outcome["reason"] as? String ?? ""
        XCTAssertTrue(said.contains(reason), "reason: \(said)", file: file, line: line)
    }

    func testInSync() throws {
        let root = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "UserAssigned"))
        for detailed in [[], ["--detailed-exitcode"]] {
            try assertOutcome(["plan", "-C", root.path] + detailed, exit: 0, status: "in-sync", reason: "no changes")
        }
    }

    func testChangesAreDriftThatApplyCanCarryOut() throws {
        let root = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "Unassigned"))
        try assertOutcome(["plan", "-C", root.path], exit: 0, status: "changes", reason: "1 change that apply can carry out")
        try assertOutcome(["plan", "-C", root.path, "--detailed-exitcode"], exit: 2, status: "changes", reason: "1 change that apply can carry out")
    }

    func testAnErrorFindingBlocksApply() throws {
        var files = PlanFixtures.inventory(liveStatus: "UserAssigned")
        files["numbers.yaml"] = files["numbers.yaml"]?.replacingOccurrences(of: "anna.jensen@contoso.com", with: "bo.nielsen@contoso.com")
        let root = try TemporaryInventory(files: files)
        for detailed in [[], ["--detailed-exitcode"]] {
            try assertOutcome(["plan", "-C", root.path] + detailed, exit: 1, status: "blocked", reason: "1 error finding blocks apply: +4533121042 unresolved-identity")
        }
    }

    func testAnInvalidInventoryIsBreakageNotDrift() throws {
        var files = PlanFixtures.inventory(liveStatus: "Unassigned")
        files["numbers.yaml"] = files["numbers.yaml"]?.replacingOccurrences(of: "    owner: anna.jensen@contoso.com\n", with: "")
        let root = try TemporaryInventory(files: files)
        try assertOutcome(["plan", "-C", root.path, "--detailed-exitcode"], exit: 1, status: "invalid-inventory", reason: "1 validation error")
        let text = try CLIRunner.run(["plan", "-C", root.path] + today)
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.stdout, "", "the text plan prints nothing when nothing was planned")
        // A pull-request comment still says why, so a CI step can post it.
        let markdown = try CLIRunner.run(["plan", "-C", root.path, "--format", "markdown"] + today)
        XCTAssertEqual(markdown.status, 1)
        XCTAssertEqual(markdown.stdout, "### ddi plan\n\n> [!CAUTION]\n> The inventory has 1 validation error (ddi validate lists them); nothing was planned.\n\n")
    }

    func testAnUnreadableSnapshotIsBreakageNotDrift() throws {
        var files = PlanFixtures.inventory(liveStatus: "Unassigned")
        files["live/numbers.json"] = "[{\"TelephoneNumber\": \"+4533121042\", \"NumberType\": 2}]"
        let root = try TemporaryInventory(files: files)
        try assertOutcome(["plan", "-C", root.path, "--detailed-exitcode"], exit: 1, status: "unreadable-snapshot", reason: "cannot be read")
    }

    func testOutSaysWhereThePlanWentAndHowToApplyIt() throws {
        // PowerShell writes only GUID object ids into a script.
        let guid = "8f2c1d4e-1111-4a5b-9c3d-2e4f6a8b0c1d"
        let root = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "Unassigned").mapValues { $0.replacingOccurrences(of: "id-anna", with: guid) })
        let elsewhere = root.url.deletingLastPathComponent()
        let name = root.url.lastPathComponent
        let planned = try CLIRunner.run(["-C", name, "plan", "--out", "plan.json"] + today, in: elsewhere)
        XCTAssertEqual(planned.status, 0, planned.stderr)
        XCTAssertEqual(planned.stderr, """
        saved the plan to \(name)/plan.json
        apply it with: ddi -C \(name) apply plan.json --provider powershell --script-out apply.ps1
                   or: ddi -C \(name) apply plan.json --provider graph

        """)
        // The command it suggests works as given, from where plan ran.
        let applied = try CLIRunner.run(["-C", name, "apply", "plan.json", "--provider", "powershell", "--script-out", "apply.ps1"] + today, in: elsewhere)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("apply.ps1").path))
    }

    func testOutOfABlockedPlanSaysApplyRefusesIt() throws {
        var files = PlanFixtures.inventory(liveStatus: "UserAssigned")
        files["numbers.yaml"] = files["numbers.yaml"]?.replacingOccurrences(of: "anna.jensen@contoso.com", with: "bo.nielsen@contoso.com")
        let root = try TemporaryInventory(files: files)
        let outcome = try CLIRunner.run(["plan", "-C", root.path, "--out", "my plan.json", "--live", "live"] + today)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("saved the plan to '\(root.path)/my plan.json'; it has error findings, so ddi apply refuses it"), outcome.stderr)
    }
}
