import Foundation
import XCTest

/// `ddi --help` and every subcommand's help: grouped by task, and read as sentences.
final class HelpTests: XCTestCase {
    static let subcommands: [[String]] = [
        ["validate"], ["explain"], ["report"], ["import"], ["plan"], ["apply"], ["snapshot", "pull"],
        ["diff"], ["history"], ["blame"], ["audit"], ["commit"], ["hook", "install"],
        ["allocate"], ["release"], ["reserve"], ["review"], ["offboard"],
    ]

    func help(_ command: [String]) throws -> String {
        let outcome = try CLIRunner.run(command + ["--help"])
        XCTAssertEqual(outcome.status, 0, "\(command): \(outcome.stderr)")
        return outcome.stdout
    }

    func testTheOverviewGroupsTheCommandsByTask() throws {
        let overview = try help([])
        let headings = overview.split(separator: "\n").filter { $0.hasSuffix("SUBCOMMANDS:") }
        XCTAssertEqual(headings, ["INVENTORY SUBCOMMANDS:", "LIVE TENANT SUBCOMMANDS:", "HISTORY SUBCOMMANDS:", "LIFECYCLE SUBCOMMANDS:"])
        XCTAssertTrue(overview.contains("USAGE: ddi [-C <DIR>] <subcommand>"), overview)
        try CLIRunner.assertGolden(overview, "Tests/ddiTests/Golden/help.txt")
    }

    func testVersionIsAnOptionOfDdiOnly() throws {
        let version = try CLIRunner.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
        for command in Self.subcommands {
            XCTAssertFalse(try help(command).contains("--version"), "\(command) lists --version")
        }
        let misplaced = try CLIRunner.run(["plan", "--version"])
        XCTAssertEqual(misplaced.status, 64)
        XCTAssertTrue(misplaced.stderr.contains("ddi --version"), misplaced.stderr)
    }

    func testNoDefaultIsPrintedTwice() throws {
        for command in Self.subcommands {
            let text = try help(command).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertNil(text.range(of: #"\(default[^)]*\)\.? \(default"#, options: .regularExpression), "\(command): \(text)")
            XCTAssertNil(text.range(of: #"\bor (text|json|html|markdown|sarif|csv)( \([^)]*\))?\. \(values"#, options: .regularExpression),
                         "\(command) lists the format values twice: \(text)")
        }
    }

    func testTodayIsOfferedOnlyWhereADateMatters() throws {
        for command in [["diff"], ["history"], ["blame"], ["commit"], ["hook", "install"]] {
            XCTAssertFalse(try help(command).contains("--today"), "\(command) reads no date but offers --today")
        }
        for command in [["validate"], ["plan"], ["apply"], ["audit"], ["report"], ["allocate"], ["offboard"]] {
            XCTAssertTrue(try help(command).contains("--today"), "\(command)")
        }
    }

    /// A discussion line that ends without punctuation and is short is a sentence broken by a hard
    /// line break in the source (ArgumentParser keeps them): "makes repeated" / "queries fast".
    func testNoHelpLineBreaksMidSentence() throws {
        for command in Self.subcommands {
            let lines = try help(command).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (line, next) in zip(lines, lines.dropFirst()) where !line.hasPrefix(" ") && !next.isEmpty && !next.hasPrefix(" ") {
                guard let last = line.last, line.count < 45, !line.hasPrefix("ddi ") else { continue }
                XCTAssertTrue(".:;)".contains(last), "\(command): '\(line)' / '\(next)'")
            }
        }
    }
}
