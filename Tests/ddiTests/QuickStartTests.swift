import Foundation
import XCTest

/// The README's first command is what a new administrator runs first (issue 14, items 1 and 2): it
/// must work verbatim on a fresh Debian machine and end with a plan that exits 0.
final class QuickStartTests: XCTestCase {
    static func quickStart() throws -> [String] {
        let readme = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "```sh\n"))
        let end = try XCTUnwrap(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        return readme[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
    }

    func testFirstCommandUpdatesPackageListsBeforeInstallingAndBuildsTheRelease() throws {
        let lines = try Self.quickStart()
        XCTAssertEqual(lines.count, 2, "\(lines)")
        let steps = try XCTUnwrap(lines.first).components(separatedBy: " && ")
        XCTAssertEqual(steps.first, "apt-get update", "apt-get install finds no libgit2-dev on a fresh machine before apt-get update")
        let install = steps.dropFirst().first ?? ""
        XCTAssertTrue(install.hasPrefix("apt-get install -y "), install)
        // libcurl's development files: the static Foundation links libcurl by name (-lcurl).
        for package in ["libgit2-dev", "libyaml-dev", "git", "pkg-config", "python3", "libcurl4-openssl-dev"] {
            XCTAssertTrue(install.split(separator: " ").contains(Substring(package)), "\(package) missing from \(install)")
        }
        // The Swift runtime and Foundation linked in: start-up is most of a small command (issue 15).
        XCTAssertTrue(steps.contains("swift build -c release --static-swift-stdlib --product ddi"), "\(steps)")
        XCTAssertEqual(lines.last, "swift test")
    }

    /// The quick start's plan (the example tenant) shows changes and warnings, and exits 0.
    func testTheQuickStartPlanExitsZeroWithChangesAndWarningsOnly() throws {
        let steps = try XCTUnwrap(try Self.quickStart().first).components(separatedBy: " && ")
        let run = try XCTUnwrap(steps.last)
        XCTAssertTrue(run.hasPrefix(".build/release/ddi "), run)
        let arguments = run.split(separator: " ").dropFirst().map(String.init)
        let outcome = try CLIRunner.run(arguments, in: CLIRunner.repositoryRoot)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("ddi will perform the following actions"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("! warning "), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("! error "), outcome.stdout)
    }
}
