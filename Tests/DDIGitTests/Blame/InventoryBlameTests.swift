import DDIKit
import XCTest
@testable import DDIGit

final class InventoryBlameTests: XCTestCase {
    /// Each line's commit, as `git blame --porcelain` says.
    func gitBlame(_ fixture: GitFixture, _ path: String) throws -> [Int: String] {
        let output = try fixture.git("blame", "--no-indent-heuristic", "--porcelain", path)
        var result: [Int: String] = [:]
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = line.split(separator: " ")
            if parts.count >= 3, parts[0].count == 40, parts[0].allSatisfy(\.isHexDigit), let final = Int(parts[2]) {
                result[final] = String(parts[0])
            }
        }
        return result
    }

    func testAgreesWithGitBlameLineByLine() throws {
        let script = try ScriptedHistory()
        let repository = try GitRepository.discover(from: script.fixture.path)
        let history = GitHistory(repository: repository, prefix: "")
        let head = try history.resolve("HEAD")
        for path in ["numbers/sales.yaml", "numbers/it.yaml", "site.yaml", "ranges.yaml"] {
            let lines = try InventoryBlame.blame(history, repositoryPath: path, inventoryPath: path, at: head, label: "HEAD")
            let expected = try gitBlame(script.fixture, path)
            XCTAssertEqual(lines.count, expected.count, path)
            for line in lines {
                XCTAssertEqual(line.commit.hex, expected[line.number], "\(path):\(line.number)")
            }
        }
    }

    func testTagsEachLineWithItsEntry() throws {
        let script = try ScriptedHistory()
        let repository = try GitRepository.discover(from: script.fixture.path)
        let history = GitHistory(repository: repository, prefix: "")
        let lines = try InventoryBlame.blame(history, repositoryPath: "site.yaml", inventoryPath: "site.yaml", at: try history.resolve("HEAD"), label: "HEAD")
        XCTAssertNil(lines[0].entry) // "# HQ"
        XCTAssertNil(lines[1].entry) // "numbers:"
        XCTAssertEqual(lines[2].entry, "+4533121100..+4533121119")
        XCTAssertEqual(lines[5].entry, "+4533121100..+4533121119")
        XCTAssertEqual(lines[6].entry, "+4533121120..+4533121149")
        XCTAssertEqual(lines[6].commit.hex, script.commits["split"])
        let ranges = try InventoryBlame.blame(history, repositoryPath: "ranges.yaml", inventoryPath: "ranges.yaml", at: try history.resolve("HEAD"), label: "HEAD")
        XCTAssertEqual(ranges[1].entry, "range cph-hq")
        XCTAssertEqual(ranges[1].author.name, "Mette Lund")
    }
}
