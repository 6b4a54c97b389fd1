import DDITestSupport
import Foundation
import XCTest
@testable import ddi

/// Colour on a terminal only (NO_COLOR, --color), escaping before colour, and the progress line.
final class ColorAndProgressTests: XCTestCase {
    let today = ["--today", "2026-11-27"]
    static let sgr = #"\u{1B}\[(0|32|33|31|1;31|1;33|36)m"#

    func testWhenToColour() {
        XCTAssertTrue(ColorOptions.colors(.auto, terminal: true, environment: [:]))
        XCTAssertFalse(ColorOptions.colors(.auto, terminal: false, environment: [:]))
        XCTAssertFalse(ColorOptions.colors(.auto, terminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(ColorOptions.colors(.auto, terminal: true, environment: ["NO_COLOR": ""]), "an empty NO_COLOR is unset (no-color.org)")
        XCTAssertTrue(ColorOptions.colors(.always, terminal: false, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(ColorOptions.colors(.never, terminal: true, environment: [:]))
    }

    func testThePainterColoursMarkersAndSeveritiesOnly() {
        let plan = """
          + assign   +4533121047  to ida@contoso.com
              + assigned_to: ida@contoso.com
          - unassign +4533121048  from rikke@contoso.com
          ! error   not-in-tenant  +4722930004
        Plan: 1 to assign.
        """
        let painted = Painter(enabled: true).planText(plan)
        XCTAssertEqual(painted, """
          \u{1B}[32m+ assign\u{1B}[0m   +4533121047  to ida@contoso.com
              \u{1B}[32m+\u{1B}[0m assigned_to: ida@contoso.com
          \u{1B}[31m- unassign\u{1B}[0m +4533121048  from rikke@contoso.com
          \u{1B}[1;31m! error\u{1B}[0m   not-in-tenant  +4722930004
        Plan: 1 to assign.
        """)
        XCTAssertEqual(Painter(enabled: false).planText(plan), plan)
        XCTAssertEqual(Painter(enabled: true).diagnostics("a.yaml:1:2: warning[DDI009]: x: error[y]"),
                       "a.yaml:1:2: \u{1B}[1;33mwarning\u{1B}[0m[DDI009]: x: error[y]")
    }

    func testNoColourWithoutATerminalUnlessAskedFor() throws {
        let root = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "Unassigned"))
        let piped = try CLIRunner.run(["plan", "-C", root.path] + today)
        XCTAssertFalse(piped.stdout.contains("\u{1B}"))
        let always = try CLIRunner.run(["plan", "-C", root.path, "--color", "always"] + today)
        XCTAssertTrue(always.stdout.contains("  \u{1B}[32m+ assign\u{1B}[0m"), always.stdout)
        let never = try CLIRunner.run(["plan", "-C", root.path, "--color", "never"] + today)
        XCTAssertEqual(never.stdout, piped.stdout)
        let noColor = try CLIRunner.run(["plan", "-C", root.path, "--color", "auto"] + today, environment: ["NO_COLOR": "1"])
        XCTAssertEqual(noColor.stdout, piped.stdout)
        let validate = try CLIRunner.run(["validate", "-C", "examples/broken", "--color", "always"] + today, in: CLIRunner.repositoryRoot)
        XCTAssertTrue(validate.stdout.contains(": \u{1B}[1;31merror\u{1B}[0m[DDI003]"), validate.stdout)
    }

    /// A snapshot value carrying escape sequences is escaped first; colour adds only ddi's own codes.
    func testColourNeverLetsAValueReachTheTerminalRaw() throws {
        var files = PlanFixtures.inventory(liveStatus: "UserAssigned")
        files["live/numbers.json"] = """
        [{"TelephoneNumber": "+4533121042", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "UserAssigned",
          "AssignedPstnTargetId": "id-anna", "AssignmentCategory": "Primary", "Tag": []},
         {"TelephoneNumber": "+4533121043", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "UserAssigned",
          "AssignedPstnTargetId": "id-evil", "AssignmentCategory": "Primary", "Tag": []}]
        """
        files["live/users.json"] = """
        [{"Identity": "id-anna", "UserPrincipalName": "anna.jensen@contoso.com", "AccountEnabled": true, "AccountType": "User"},
         {"Identity": "id-evil", "UserPrincipalName": "\\u001b[32m+ assign\\u001b[0m\\u001b[2J@contoso.com", "AccountEnabled": true, "AccountType": "User"}]
        """
        let root = try TemporaryInventory(files: files)
        let outcome = try CLIRunner.run(["plan", "-C", root.path, "--color", "always"] + today)
        XCTAssertFalse(outcome.crashed)
        XCTAssertTrue(outcome.stdout.contains("+4533121043"), outcome.stdout + outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains("\u{1B}[2J"))
        XCTAssertFalse(outcome.stdout.contains("\u{1B}[32m+ assign\u{1B}[0m\u{1B}"))
        for line in outcome.stdout.split(separator: "\n") {
            let ours = String(line).replacingOccurrences(of: Self.sgr, with: "", options: .regularExpression)
            XCTAssertFalse(ours.contains("\u{1B}"), "a raw escape in: \(line)")
        }
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        func add(_ text: String) { lock.lock(); texts.append(text); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return texts }
    }

    func testTheProgressLineShowsForSlowWorkOnATerminalAndIsErased() {
        let slow = Collected()
        let result = ProgressNotice.around("ddi audit: reading", terminal: true, delay: 0.05, write: { slow.add($0) }) { () -> Int in
            Thread.sleep(forTimeInterval: 0.5)
            return 7
        }
        XCTAssertEqual(result, 7)
        XCTAssertEqual(slow.all, ["\r\u{1B}[2Kddi audit: reading…", "\r\u{1B}[2K"])

        let quick = Collected()
        ProgressNotice.around("ddi audit: reading", terminal: true, delay: 0.5, write: { quick.add($0) }) {}
        Thread.sleep(forTimeInterval: 0.7)
        XCTAssertEqual(quick.all, [], "work done before the delay shows nothing, not even later")

        let logged = Collected()
        ProgressNotice.around("ddi audit: reading", terminal: false, delay: 0, write: { logged.add($0) }) { Thread.sleep(forTimeInterval: 0.2) }
        XCTAssertEqual(logged.all, [], "no progress line in a log")
    }

    /// On a real terminal (a pseudo-terminal from script(1)) `--color auto` colours; NO_COLOR stops it.
    func testAutoColoursATerminal() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { throw Prerequisite.missing("script (util-linux) is not installed") }
        let root = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "Unassigned"))
        let command = try CLIRunner.executable.path + " plan -C " + root.path + " --today 2026-11-27"
        func onTerminal(_ environment: [String: String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            process.arguments = ["-qec", command, "/dev/null"]
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.filter { $0.key != "NO_COLOR" || environment[$0.key] != nil }
            let out = Pipe()
            process.standardOutput = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        XCTAssertTrue(try onTerminal([:]).contains("  \u{1B}[32m+ assign\u{1B}[0m"))
        XCTAssertFalse(try onTerminal(["NO_COLOR": "1"]).contains("\u{1B}[32m"))
    }

    func testNoProgressLineReachesAPipe() throws {
        let demo = try DemoRepository.path
        let audit = try CLIRunner.run(["audit", "-C", demo, "--no-cache"] + today)
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertFalse(audit.stderr.contains("\r"))
    }
}
