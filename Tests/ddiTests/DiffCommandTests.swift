import Foundation
import XCTest

final class DiffCommandTests: XCTestCase {
    func testSaysPerNumberWhatAPullRequestChanges() throws {
        let demo = try DemoRepository.path
        let merge = try DemoRepository.commit("Merge pull request #41")
        let outcome = try CLIRunner.run(["diff", "-C", demo, merge + "~1", merge])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, """
        +4533121048: assigned to rikke.moller@contoso.com (Sales) → quarantine since 2026-10-16
        1 number change, 0 range changes, 0 routing changes (\(merge)~1 → \(merge))

        """)
    }

    func testBlockSplitAndReservationInPlainWords() throws {
        let demo = try DemoRepository.path
        let split = try DemoRepository.commit("Split the Legal reservation")
        let text = try CLIRunner.run(["diff", "-C", demo, split + "~1", split]).stdout
        XCTAssertTrue(text.contains("+4533121100..+4533121199: block split into +4533121100..+4533121149, +4533121150..+4533121199"), text)
        let reserve = try DemoRepository.commit("Reserve +4533121099")
        let markdown = try CLIRunner.run(["diff", "-C", demo, reserve + "~1", reserve, "--format", "markdown"]).stdout
        XCTAssertTrue(markdown.hasPrefix("### Phone number changes\n"), markdown)
        XCTAssertTrue(markdown.contains("| `+4533121099` | free → reserved until 2027-01-15 (New Head of Marketing starts 2027-01-04 (HR case 2026-0412)) |"), markdown)
        XCTAssertTrue(markdown.contains("| `+4533121150..+4533121199` | reserved until 2026-09-30 (Aarhus sales team (may not move)) → no longer declared (free) |"), markdown)
    }

    func testWorkingTreeAgainstHeadAndJSON() throws {
        let demo = try DemoRepository.path
        let clean = try CLIRunner.run(["diff", "-C", demo])
        XCTAssertEqual(clean.stdout, "no changes between HEAD and working tree\n")
        let year = try CLIRunner.run(["diff", "-C", demo, "HEAD~13", "HEAD", "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(year.stdout.utf8)) as? [String: Any])
        let numbers = try XCTUnwrap(object["numbers"] as? [[String: Any]])
        let moved = numbers.first { $0["subject"] as? String == "+4533121070" }
        XCTAssertEqual(moved?["kinds"] as? [String], ["reviewed", "moved"])
    }

    func testErrors() throws {
        let demo = try DemoRepository.path
        let unknown = try CLIRunner.run(["diff", "-C", demo, "no-such-branch"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("unknown revision 'no-such-branch'"), unknown.stderr)
        let empty = try TemporaryInventory(files: ["ddi.yaml": "version: 1\n"])
        _ = try CLIRunner.run(["diff"], in: empty.url) // not a repository
        let notRepository = try CLIRunner.run(["diff", "-C", empty.path])
        XCTAssertEqual(notRepository.status, 1)
        XCTAssertTrue(notRepository.stderr.contains("not inside a git repository"), notRepository.stderr)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "init", "-q", empty.path]
        try process.run()
        process.waitUntilExit()
        for arguments in [["diff"], ["history", "+4533121042"], ["audit"], ["blame", "ddi.yaml"], ["validate", "--base", "HEAD"]] {
            let outcome = try CLIRunner.run(arguments + ["-C", empty.path])
            XCTAssertEqual(outcome.status, 1, "\(arguments) \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("no commits yet"), "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.crashed)
        }
    }

    func testValidateBaseReportsIllegalTransitions() throws {
        let demo = try DemoRepository.path
        let handover = try DemoRepository.commit("Give Lars' key-account number to Mads")
        let outcome = try CLIRunner.run(["validate", "-C", demo, "--today", "2026-11-27", "--base", handover + "~1"])
        XCTAssertEqual(outcome.status, 1, outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("error[DDI014]: +4533121044 is handed directly from lars.winther@contoso.com to mads.kristensen@contoso.com"), outcome.stdout)
        let same = try CLIRunner.run(["validate", "-C", demo, "--today", "2026-11-27", "--base", "HEAD"])
        XCTAssertEqual(same.status, 0, same.stdout)
    }
}
