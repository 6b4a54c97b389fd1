import DDIKit
import Foundation
import XCTest

/// Golden files for every command and output format, run through the built `ddi` binary. The files
/// live in Tests/ddiTests/Golden/; `DDI_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests`
/// rewrites them (review the diff before committing). Outputs read from the demo history
/// (examples/demo-history.sh) have their commit IDs and times of day masked: the script picks
/// random times, so both change with every build of the demo; dates, authors and content do not.
final class GoldenOutputTests: XCTestCase {
    static let today = ["--today", "2026-11-27"]

    // MARK: validate, in the formats CI reads

    func testValidateFormatsOnTheBrokenExample() throws {
        for (format, file) in [("json", "validate-broken.json"), ("github", "validate-broken.github.txt"), ("sarif", "validate-broken.sarif")] {
            let outcome = try CLIRunner.run(["validate", "-C", "examples/broken", "--format", format] + Self.today, in: CLIRunner.repositoryRoot)
            XCTAssertEqual(outcome.status, 1, "\(format): \(outcome.stderr)")
            try Self.assertGolden(outcome.stdout, file)
        }
    }

    // MARK: explain

    func testExplainEveryRule() throws {
        let list = try CLIRunner.run(["explain"])
        XCTAssertEqual(list.status, 0)
        try Self.assertGolden(list.stdout, "explain-list.txt")
        var all = ""
        for id in RuleCatalog.ids {
            let outcome = try CLIRunner.run(["explain", id])
            XCTAssertEqual(outcome.status, 0, id)
            all += outcome.stdout + "\n"
        }
        try Self.assertGolden(all, "explain-rules.txt")
    }

    // MARK: the demo history

    func testDiffFormats() throws {
        let demo = try DemoRepository.path
        for (format, file) in [("text", "diff-year.txt"), ("markdown", "diff-year.md"), ("json", "diff-year.json")] {
            let outcome = try CLIRunner.run(["diff", "-C", demo, "HEAD~13", "HEAD", "--format", format] + Self.today)
            XCTAssertEqual(outcome.status, 0, "\(format): \(outcome.stderr)")
            try Self.assertGolden(try Self.maskDemo(outcome.stdout), file)
        }
    }

    func testHistoryFormats() throws {
        let demo = try DemoRepository.path
        for (format, file) in [("text", "history-4533121048.txt"), ("json", "history-4533121048.json")] {
            let outcome = try CLIRunner.run(["history", "+4533121048", "-C", demo, "--no-cache", "--format", format] + Self.today)
            XCTAssertEqual(outcome.status, 0, "\(format): \(outcome.stderr)")
            try Self.assertGolden(try Self.maskDemo(outcome.stdout), file)
        }
    }

    func testBlameFormats() throws {
        let demo = try DemoRepository.path
        for (format, file) in [("text", "blame-sales.txt"), ("json", "blame-sales.json")] {
            let outcome = try CLIRunner.run(["blame", "departments/sales.yaml", "--format", format] + Self.today, in: URL(fileURLWithPath: demo))
            XCTAssertEqual(outcome.status, 0, "\(format): \(outcome.stderr)")
            try Self.assertGolden(try Self.maskDemo(outcome.stdout), file)
        }
    }

    func testAuditFormats() throws {
        let demo = try DemoRepository.path
        for (format, file) in [("text", "audit.txt"), ("csv", "audit.csv"), ("json", "audit.json"), ("markdown", "audit.md")] {
            let outcome = try CLIRunner.run(["audit", "-C", demo, "--no-cache", "--format", format] + Self.today)
            XCTAssertEqual(outcome.status, 0, "\(format): \(outcome.stderr)")
            try Self.assertGolden(try Self.maskDemo(outcome.stdout), file)
        }
    }

    func testReportFormats() throws {
        let demo = try DemoRepository.path
        for (format, file) in [("text", "report.txt"), ("json", "report.json"), ("html", "report.html")] {
            let outcome = try CLIRunner.run(["report", "-C", demo, "--format", format] + Self.today)
            XCTAssertEqual(outcome.status, 0, "\(format): \(outcome.stderr)")
            try Self.assertGolden(try Self.maskDemo(outcome.stdout), file)
        }
    }

    // MARK: masking

    func testMaskNamesCommitsByDateAndSubjectAndDropsTimesOfDay() throws {
        let head = try DemoRepository.git("rev-parse", "HEAD")
        let masked = try Self.maskDemo("\(head) \(head.prefix(10)) 2026-11-18T09:41:00+01:00 +4533121074\n")
        XCTAssertFalse(masked.contains(String(head.prefix(7))), masked)
        XCTAssertTrue(masked.hasSuffix(" 2026-11-18T<time>+01:00 +4533121074\n"), masked)
        XCTAssertTrue(masked.hasPrefix("<commit "), masked)
    }

    /// Each commit ID of the demo history (full, or any prefix of 7 or more) becomes `<commit N>`,
    /// N its place in the history ordered by author day and subject; `THH:MM:SS` becomes `T<time>`.
    static func maskDemo(_ text: String) throws -> String {
        let log = try DemoRepository.git("log", "--all", "--date=short", "--format=%H %ad %s")
        let commits = log.split(separator: "\n").map { line in (hash: String(line.prefix(40)), key: String(line.dropFirst(41))) }
            .sorted { $0.key < $1.key }
        var masked = text
        for (index, commit) in commits.enumerated() {
            masked = masked.replacingOccurrences(of: commit.hash.prefix(7) + "[0-9a-f]*", with: "<commit \(index + 1)>", options: .regularExpression)
        }
        return masked.replacingOccurrences(of: "T[0-9]{2}:[0-9]{2}:[0-9]{2}", with: "T<time>", options: .regularExpression)
    }

    static func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try CLIRunner.assertGolden(actual, "Tests/ddiTests/Golden/" + name, file: file, line: line)
    }
}
