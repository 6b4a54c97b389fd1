import Foundation
import XCTest

/// A copy of examples/contoso in a temporary directory (optionally a git repository), removed afterwards.
final class ContosoCopy {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-contoso-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("examples/contoso"), to: url)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func read(_ relative: String) throws -> String {
        try String(decoding: Data(contentsOf: url.appendingPathComponent(relative)), as: UTF8.self)
    }

    /// Without `live/`: allocate may take every free number (with a snapshot, only those the tenant
    /// holds; AllocateRoutingCommandTests).
    @discardableResult
    func withoutSnapshot() throws -> ContosoCopy {
        try FileManager.default.removeItem(at: url.appendingPathComponent("live"))
        return self
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(relative))
    }

    /// Runs ddi with `-C` this copy and a fixed day.
    func ddi(_ arguments: [String], today: String = "2026-11-27") throws -> CLIRunner.Outcome {
        guard let command = arguments.first else { return try CLIRunner.run([]) }
        return try CLIRunner.run([command, "-C", path, "--today", today] + arguments.dropFirst())
    }

    /// Every file's bytes, to show that a refused or dry run wrote nothing.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            files[relative] = try Data(contentsOf: url.appendingPathComponent(relative))
        }
        return files
    }

    @discardableResult
    func git(_ arguments: [String], date: String = "2026-01-01T10:00:00+01:00") throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", path, "-c", "user.name=Voice Admin", "-c", "user.email=voice@contoso.com", "-c", "commit.gpgsign=false"] + arguments
        process.environment = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": path, "PATH": "/usr/bin:/bin"]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

final class AllocateCommandTests: XCTestCase {
    let hire = ["--assigned-to", "new.hire@contoso.com", "--kind", "user", "--owner", "new.hire@contoso.com", "--department", "Sales"]

    func testPrintsTheLowestFreeNumberAndWritesTheDepartmentFile() throws {
        let copy = try ContosoCopy().withoutSnapshot()
        let outcome = try copy.ddi(["allocate", "--range", "cph-hq"] + hire)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "+4533121004\n")
        XCTAssertTrue(outcome.stderr.contains("wrote departments/sales.yaml"), outcome.stderr)
        XCTAssertTrue(try copy.read("departments/sales.yaml").contains("  - number: \"+4533121004\"\n    status: assigned\n    kind: user\n    assigned_to: new.hire@contoso.com\n"))
        XCTAssertEqual(try copy.ddi(["validate"]).status, 0)
        // The next one skips the quarantine that is not over (+4533121007) and takes the declared free +4533121008.
        let more = try copy.ddi(["allocate", "--range", "cph-hq", "--count", "3", "--category", "private"] + hire)
        XCTAssertEqual(more.stdout, "+4533121005\n+4533121006\n+4533121008\n", more.stderr)
    }

    func testDryRunPrintsADiffAndWritesNothing() throws {
        let copy = try ContosoCopy().withoutSnapshot()
        let before = try copy.snapshot()
        let outcome = try copy.ddi(["allocate", "--range", "cph-hq", "--dry-run"] + hire)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("--- a/departments/sales.yaml\n+++ b/departments/sales.yaml\n@@ "), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("\n+  - number: \"+4533121004\"\n"))
        XCTAssertEqual(try copy.snapshot(), before)
    }

    func testAFullRangeIsRefused() throws {
        let copy = try ContosoCopy().withoutSnapshot()
        try copy.write("sites/tiny.yaml", """
        ranges:
          - id: tiny
            block: +4533131000..+4533131009
            source: operator-connect
            country: DK
        numbers:
          - block: +4533131000..+4533131004
            status: reserved
            until: 2027-01-31
            reason: kept for the pilot
          - block: +4533131005..+4533131009
            status: quarantine
            since: 2026-11-01

        """)
        XCTAssertEqual(try copy.ddi(["validate"]).status, 0)
        let before = try copy.snapshot()
        let full = try copy.ddi(["allocate", "--range", "tiny"] + hire)
        XCTAssertEqual(full.status, 1, full.stdout + full.stderr)
        XCTAssertEqual(full.stderr, "error: range tiny has no free number left\n")
        XCTAssertEqual(try copy.snapshot(), before)
        // Once the quarantine is over, its numbers can be taken again.
        let later = try copy.ddi(["allocate", "--range", "tiny"] + hire, today: "2027-01-30")
        XCTAssertEqual(later.stdout, "+4533131005\n", later.stderr)
    }

    func testSplitsAFreeBlock() throws {
        let copy = try ContosoCopy().withoutSnapshot()
        try copy.write("sites/spare.yaml", """
        # spare numbers handed back by the carrier
        numbers:
          - block: +4587303020..+4587303029   # keep together
            status: free
            note: returned 2026-10

        """)
        let outcome = try copy.ddi(["allocate", "--range", "aar-office", "--count", "2", "--category", "private", "--file", "sites/spare.yaml"] + hire)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "+4587303001\n+4587303002\n")
        // Numbers below the block are free too; take everything up to the block and into it.
        let into = try copy.ddi(["allocate", "--range", "aar-office", "--count", "14", "--category", "private", "--file", "sites/spare.yaml"] + hire)
        XCTAssertEqual(into.status, 0, into.stderr)
        XCTAssertTrue(into.stdout.hasSuffix("+4587303020\n+4587303021\n+4587303022\n"), into.stdout)
        XCTAssertTrue(try copy.read("sites/spare.yaml").hasPrefix("""
        # spare numbers handed back by the carrier
        numbers:
          - block: +4587303023..+4587303029   # keep together
            status: free
            note: returned 2026-10
        """))
        XCTAssertEqual(try copy.ddi(["validate"]).status, 0)
    }

    func testUsageErrors() throws {
        let copy = try ContosoCopy()
        for arguments in [
            ["allocate", "--range", "cph-hq", "--kind", "usr", "--assigned-to", "a@contoso.com", "--owner", "x"],
            ["allocate", "--range", "nope", "--kind", "user", "--assigned-to", "a@contoso.com", "--owner", "x"],
            ["allocate", "--range", "cph-hq", "--kind", "user", "--assigned-to", "not-a-upn", "--owner", "x"],
            ["allocate", "--range", "cph-hq", "--kind", "user", "--assigned-to", "a@contoso.com", "--owner", "x", "--count", "0"],
        ] {
            let outcome = try copy.ddi(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments): \(outcome.stderr)")
            XCTAssertFalse(outcome.crashed)
        }
    }
}
