import Foundation
import XCTest

/// examples/demo-history.sh builds the same commits every time (fixed dates, names and emails), so
/// the commit ids the README shows are real ones (issue 14, item 4).
final class DemoHistoryTests: XCTestCase {
    /// Commit ids in the README's examples on the demo history (from "The examples below run on the
    /// demo history" to the DDI015 section, whose example is another repository): words of 7 to 40
    /// hex digits with a letter and a digit, alone or before `~N`, inside code blocks.
    static func readmeCommitIDs() throws -> Set<String> {
        let readme = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try XCTUnwrap(readme.range(of: "The examples below run on the demo history"))
        let end = try XCTUnwrap(readme.range(of: "### Checking the convention in review", range: start.upperBound..<readme.endIndex))
        var ids = Set<String>()
        var inCode = false
        for line in readme[start.lowerBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard inCode else { continue }
            for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let id = word.split(separator: "~").first.map(String.init) ?? ""
                guard [7, 10, 40].contains(id.count), id.allSatisfy(\.isHexDigit), id == id.lowercased(),
                      id.contains(where: \.isLetter), id.contains(where: \.isNumber) else { continue }
                ids.insert(id)
            }
        }
        return ids
    }

    func testEveryCommitIDInTheReadmeIsACommitOfTheDemoHistory() throws {
        let ids = try Self.readmeCommitIDs()
        XCTAssertGreaterThan(ids.count, 5, "the README shows commit ids of the demo history")
        let all = Set(try DemoRepository.git("log", "--all", "--format=%H").split(separator: "\n").map(String.init))
        for id in ids.sorted() {
            XCTAssertTrue(all.contains { $0.hasPrefix(id) }, "README shows \(id), which the demo history does not have")
        }
    }

    func testTheHeaderSuggestsCommandsThatWork() throws {
        let script = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("examples/demo-history.sh"), encoding: .utf8)
        XCTAssertTrue(script.contains("#   cd DIR && ddi history +4533121048\n"), "the header's history example")
        let history = try CLIRunner.run(["history", "+4533121048"], in: URL(fileURLWithPath: try DemoRepository.path))
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.hasPrefix("+4533121048: "), history.stdout)
    }
}
