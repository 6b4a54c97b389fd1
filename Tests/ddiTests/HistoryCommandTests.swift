import Foundation
import XCTest

final class HistoryCommandTests: XCTestCase {
    func testFollowsANumberThroughABranchAndAMerge() throws {
        let demo = try DemoRepository.path
        let outcome = try CLIRunner.run(["history", "+4533121048", "-C", demo, "--no-cache"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "+4533121048: 2 changes, oldest first")
        let offboard = try DemoRepository.commit("Offboard rikke.moller")
        XCTAssertTrue(outcome.stdout.contains("2026-10-16  \(offboard.prefix(10))  ddi-bot <ddi-bot@contoso.com>"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("Merge pull request"), outcome.stdout)
        let newest = try CLIRunner.run(["history", "+4533121048", "-C", demo, "--reverse", "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(newest.stdout.utf8)) as? [String: Any])
        let events = try XCTUnwrap(object["events"] as? [[String: Any]])
        XCTAssertEqual(events.first?["commit"] as? String, offboard)
        XCTAssertEqual(events.first?["kinds"] as? [String], ["released"])
    }

    func testFileSplitRenameAndBlockSplit() throws {
        let demo = try DemoRepository.path
        let hr = try CLIRunner.run(["history", "+4533121070", "-C", demo]).stdout
        XCTAssertTrue(hr.contains("→ moved from departments/management.yaml to departments/finance-hr.yaml"), hr)
        let block = try CLIRunner.run(["history", "+4533121120", "-C", demo]).stdout
        XCTAssertTrue(block.contains("→ moved from sites/cph.yaml to sites/copenhagen.yaml"), block)
        XCTAssertTrue(block.contains("→ block +4533121100..+4533121199 split: now declared by block +4533121100..+4533121149"), block)
        let released = try CLIRunner.run(["history", "+4533121170", "-C", demo]).stdout
        XCTAssertTrue(released.contains("reserved until 2026-09-30 (Aarhus sales team (may not move)) → no longer declared (free)"), released)
    }

    func testCacheGivesTheSameAnswer() throws {
        let demo = try DemoRepository.path
        let cold = try CLIRunner.run(["history", "+4533121044", "-C", demo, "--no-cache"])
        _ = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27"])
        let warm = try CLIRunner.run(["history", "+4533121044", "-C", demo])
        XCTAssertEqual(cold.stdout, warm.stdout)
        XCTAssertTrue(warm.stdout.contains("assigned to lars.winther@contoso.com (Sales) → assigned to mads.kristensen@contoso.com (Sales)"), warm.stdout)
    }

    func testBadNumberIsAUsageError() throws {
        let outcome = try CLIRunner.run(["history", "4533121042", "-C", try DemoRepository.path])
        XCTAssertEqual(outcome.status, 64)
        XCTAssertTrue(outcome.stderr.contains("must start with +"), outcome.stderr)
    }
}
