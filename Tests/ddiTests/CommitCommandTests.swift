import Foundation
import XCTest

/// `ddi commit`, `--commit` on lifecycle edits and rule DDI015, read back with the git CLI exactly as
/// the README shows.
final class CommitCommandTests: XCTestCase {
    func short(_ workspace: GitWorkspace, _ revision: String) throws -> String {
        try workspace.git("rev-parse", "--short", revision).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testPlainGitFindsEveryCommitOfANumberByItsTrailer() throws {
        let workspace = try GitWorkspace()
        let review = try workspace.ddi(["review", "+4533121042", "+4533121047", "--today", "2026-11-20"])
        XCTAssertEqual(review.status, 0, review.stderr)
        let committed = try workspace.ddi(["commit", "-a", "-m", "Quarterly review"])
        XCTAssertEqual(committed.status, 0, committed.stderr)
        XCTAssertEqual(committed.stdout, "[\(try short(workspace, "HEAD"))] Review 2 numbers\n")
        let release = try workspace.ddi(["release", "+4533121047", "--today", "2026-11-27", "--commit"])
        XCTAssertEqual(release.status, 0, release.stderr)
        XCTAssertTrue(release.stderr.contains("committed \(try short(workspace, "HEAD")): Release +4533121047 from ida.poulsen@contoso.com to quarantine"), release.stderr)

        // README: git log --grep='^Number: +4533121047$'
        let grep = try workspace.git("log", "--grep=^Number: +4533121047$")
        let found = grep.split(separator: "\n").filter { $0.hasPrefix("commit ") }.map { String($0.dropFirst(7)) }
        XCTAssertEqual(found, [try workspace.git("rev-parse", "HEAD"), try workspace.git("rev-parse", "HEAD~1")].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        XCTAssertTrue(grep.contains("    Number: +4533121047\n"), grep)
        XCTAssertEqual(try workspace.git("log", "--format=%h", "--grep=^Number: +4533121042$"), "\(try short(workspace, "HEAD~1"))\n")

        // README: git log --format='%h %an %s %(trailers:key=Number,valueonly,separator=%x2C)'
        let table = try workspace.git("log", "--format=%h %an %s %(trailers:key=Number,valueonly,separator=%x2C)")
        XCTAssertEqual(table, """
        \(try short(workspace, "HEAD")) Ole Hansen Release +4533121047 from ida.poulsen@contoso.com to quarantine +4533121047
        \(try short(workspace, "HEAD~1")) Ole Hansen Review 2 numbers +4533121042,+4533121047
        \(try short(workspace, "HEAD~2")) Ole Hansen Import the inventory \n
        """)
        // git's own trailer parser agrees.
        let message = try workspace.git("log", "-1", "--format=%B", "HEAD~1")
        XCTAssertEqual(message, """
        Review 2 numbers

        Quarterly review

        +4533121042: reviewed 2026-11-20 (was 2026-10-02)
        +4533121047: reviewed 2026-11-20 (was 2026-10-02)

        Number: +4533121042
        Number: +4533121047


        """)
        let parse = Process()
        parse.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        parse.arguments = ["git", "interpret-trailers", "--parse"]
        let input = Pipe(), output = Pipe()
        parse.standardInput = input
        parse.standardOutput = output
        try parse.run()
        input.fileHandleForWriting.write(Data(message.utf8))
        try input.fileHandleForWriting.close()
        let parsed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        parse.waitUntilExit()
        XCTAssertEqual(parsed, "Number: +4533121042\nNumber: +4533121047\n")
    }

    func testDemoHistoryReadsAsTheAssignmentHistory() throws {
        let demo = try DemoRepository.path
        try CLIRunner.assertGolden(try DemoRepository.git("log", "--graph", "--date=short", "--format=%ad %an: %s") + "\n", "examples/demo-history-log.txt")
        for subject in try DemoRepository.git("log", "--format=%s").split(separator: "\n") {
            XCTAssertLessThanOrEqual(subject.count, 72, String(subject))
        }
        // Every commit ddi wrote carries the trailers DDI015 asks for.
        let root = try DemoRepository.git("rev-list", "--max-parents=0", "HEAD")
        let validate = try CLIRunner.run(["validate", "-C", demo, "--base", root, "--today", "2026-11-27"])
        XCTAssertFalse(validate.stdout.contains("DDI015"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("DDI014"), "the demo's handover without 'handover: true' is still found: \(validate.stdout)")
        // The trailer query finds exactly the commits ddi history lists (merges bring no change of their own).
        for number in ["+4533121047", "+4533121048", "+4533121044", "+46850551043", "+4533121074", "+4533121099", "+4533121000"] {
            let history = try CLIRunner.run(["history", number, "-C", demo, "--format", "json"])
            XCTAssertEqual(history.status, 0, history.stderr)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
            let events = try XCTUnwrap(json["events"] as? [[String: Any]])
            let fromHistory = Set(events.compactMap { $0["commit"] as? String })
            let fromGrep = Set(try DemoRepository.git("log", "--format=%H", "--grep=^Number: \(number)$").split(separator: "\n").map(String.init))
            XCTAssertFalse(fromGrep.isEmpty, number)
            XCTAssertEqual(fromGrep, fromHistory, number)
            let fromTrailers = try DemoRepository.git("log", "--format=%H %(trailers:key=Number,valueonly,separator=%x2C)").split(separator: "\n")
                .filter { $0.split(separator: " ").dropFirst().first?.split(separator: ",").contains(Substring(number)) == true }
                .map { String($0.prefix(40)) }
            XCTAssertEqual(Set(fromTrailers), fromHistory, number)
        }
    }

    func testRefusalsSayWhatToDo() throws {
        let workspace = try GitWorkspace()
        let nothing = try workspace.ddi(["commit"])
        XCTAssertEqual(nothing.status, 1)
        XCTAssertTrue(nothing.stderr.contains("nothing to commit"), nothing.stderr)

        try workspace.write("NOTES.txt", "not inventory\n")
        try workspace.git("add", "NOTES.txt")
        let other = try workspace.ddi(["commit"])
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(other.stderr.contains("touches no inventory file"), other.stderr)
        try workspace.git("reset", "-q", "NOTES.txt")

        try workspace.edit("departments/sales.yaml", "reviewed: 2026-10-02\n    note: Inside sales", "reviewed: 2026-11-20\n    note: Inside sales")
        let anonymous = try workspace.ddi(["commit", "-a"], environment: [:])
        XCTAssertEqual(anonymous.status, 1)
        XCTAssertTrue(anonymous.stderr.contains("git config user.name and user.email"), anonymous.stderr)
        XCTAssertEqual(try workspace.git("rev-list", "--count", "HEAD"), "1\n")

        try workspace.git("config", "user.name", "Config Person")
        try workspace.git("config", "user.email", "config@contoso.com")
        let configured = try workspace.ddi(["commit", "-a"], environment: [:])
        XCTAssertEqual(configured.status, 0, configured.stderr)
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%an <%ae> %s"), "Config Person <config@contoso.com> Review +4533121047\n")
    }

    func testDryRunPrintsTheMessageAndOwnWordsCannotAddTrailers() throws {
        let workspace = try GitWorkspace()
        try workspace.edit("departments/sales.yaml", "reviewed: 2026-10-02\n    note: Inside sales", "reviewed: 2026-11-20\n    note: Inside sales")
        try workspace.git("add", "-A")
        let dry = try workspace.ddi(["commit", "--dry-run", "-m", "why\u{1b}[31m"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertEqual(dry.stdout, "Review +4533121047\n\nwhy\\u{1B}[31m\n\n+4533121047: reviewed 2026-11-20 (was 2026-10-02)\n\nNumber: +4533121047\n")
        XCTAssertEqual(try workspace.git("rev-list", "--count", "HEAD"), "1\n")
        let committed = try workspace.ddi(["commit", "-m", "Reviewed\n\nNumber: +4533129999\nRange: fake"])
        XCTAssertEqual(committed.status, 0, committed.stderr)
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%(trailers:key=Number,valueonly,separator=%x2C)|%(trailers:key=Range,valueonly)"), "+4533121047|\n")
    }

    func testAllocateCommitsWithTheSameMessage() throws {
        let workspace = try GitWorkspace()
        let allocate = try workspace.ddi(["allocate", "--range", "cph-hq", "--assigned-to", "ny.kollega@contoso.com", "--kind", "user",
                                          "--owner", "ny.kollega@contoso.com", "--department", "Sales", "--today", "2026-11-27", "--commit"])
        XCTAssertEqual(allocate.status, 0, allocate.stderr)
        let number = allocate.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%s|%(trailers:key=Number,valueonly)"), "Assign \(number) to ny.kollega@contoso.com|\(number)\n\n")
        XCTAssertEqual(try workspace.git("status", "--porcelain", "--untracked-files=no"), "")
        // What ddi commit would have written for the same change.
        let message = try workspace.git("log", "-1", "--format=%B")
        try workspace.git("reset", "-q", "--soft", "HEAD~1")
        let dry = try workspace.ddi(["commit", "--dry-run"])
        XCTAssertEqual(dry.stdout + "\n", message)
    }

    func testOffboardAndReserveCommitToo() throws {
        let workspace = try GitWorkspace()
        try workspace.ddi(["offboard", "karen.lund@contoso.com", "--today", "2026-11-27", "--commit"]).assertSuccess()
        let offboard = try workspace.git("log", "-1", "--format=%s|%(trailers:key=Number,valueonly,separator=%x2C)")
        XCTAssertTrue(offboard.hasPrefix("Offboard karen.lund@contoso.com: 2 numbers to quarantine|+"), offboard)
        try workspace.ddi(["reserve", "+4533121200..+4533121209", "--until", "2027-01-31", "--reason", "Pilot", "--today", "2026-11-27", "--commit"]).assertSuccess()
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%s|%(trailers:key=Number,valueonly)"), "Reserve +4533121200..+4533121209 until 2027-01-31|+4533121200..+4533121209\n\n")
        XCTAssertEqual(try workspace.git("rev-list", "--count", "HEAD"), "3\n")
    }

    func testCommitNeedsACleanInventoryAndRefusesBeforeEditing() throws {
        let workspace = try GitWorkspace()
        try workspace.edit("departments/sales.yaml", "note: Inside sales, joined 2026-08", "note: Inside sales")
        let before = try workspace.read("departments/it.yaml")
        let refused = try workspace.ddi(["release", "+4533121042", "--today", "2026-11-27", "--commit"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("uncommitted: departments/sales.yaml"), refused.stderr)
        XCTAssertEqual(try workspace.read("departments/it.yaml"), before)
        XCTAssertEqual(try workspace.git("rev-list", "--count", "HEAD"), "1\n")
        let both = try workspace.ddi(["release", "+4533121042", "--dry-run", "--commit"])
        XCTAssertEqual(both.status, 64, both.stderr)
    }

    func testValidateBaseListsCommitsWithoutTrailers() throws {
        let workspace = try GitWorkspace()
        try workspace.edit("departments/sales.yaml", "reviewed: 2026-10-02\n    note: Inside sales", "reviewed: 2026-11-20\n    note: Inside sales")
        try workspace.git("commit", "-q", "-a", "-m", "update sales.yaml", environment: GitWorkspace.identity)
        try workspace.ddi(["review", "+4533121042", "--today", "2026-11-20", "--commit"]).assertSuccess()
        let validate = try workspace.ddi(["validate", "--base", "HEAD~2", "--today", "2026-11-27"])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        let findings = validate.stdout.split(separator: "\n").filter { $0.contains("[DDI015]") }
        XCTAssertEqual(findings.count, 1, validate.stdout)
        XCTAssertTrue(findings.first?.contains("info[DDI015]: commit \(try workspace.git("rev-parse", "--short=10", "HEAD~1").trimmingCharacters(in: .whitespacesAndNewlines)) ('update sales.yaml') lacks the trailer Number: +4533121047") == true, validate.stdout)
        XCTAssertTrue(findings.first?.hasPrefix("departments/sales.yaml:") == true, validate.stdout)
        try workspace.edit("ddi.yaml", "  DDI009: warning", "  DDI009: warning\n  DDI015: error")
        let strict = try workspace.ddi(["validate", "--base", "HEAD~2", "--today", "2026-11-27"])
        XCTAssertEqual(strict.status, 1, strict.stdout)
        XCTAssertTrue(strict.stdout.contains("error[DDI015]"), strict.stdout)
    }
}

extension CLIRunner.Outcome {
    func assertSuccess(file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(status, 0, stdout + stderr, file: file, line: line)
    }
}
