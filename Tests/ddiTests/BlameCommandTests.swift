import Foundation
import XCTest

final class BlameCommandTests: XCTestCase {
    func testEveryLineAgreesWithGitBlame() throws {
        let demo = try DemoRepository.path
        for file in ["departments/sales.yaml", "sites/copenhagen.yaml", "departments/finance-hr.yaml"] {
            let outcome = try CLIRunner.run(["blame", file, "--format", "json"], in: URL(fileURLWithPath: demo))
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            let lines = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
            let porcelain = try DemoRepository.git("blame", "--no-indent-heuristic", "--porcelain", file)
            var expected: [Int: String] = [:]
            for line in porcelain.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count >= 3, parts[0].count == 40, parts[0].allSatisfy(\.isHexDigit), let final = Int(parts[2]) { expected[final] = String(parts[0]) }
            }
            XCTAssertEqual(lines.count, expected.count, file)
            for line in lines {
                let number = try XCTUnwrap(line["line"] as? Int)
                XCTAssertEqual(line["commit"] as? String, expected[number], "\(file):\(number)")
            }
        }
    }

    func testTextTagsLinesWithTheirNumber() throws {
        let demo = try DemoRepository.path
        let outcome = try CLIRunner.run(["blame", "departments/sales.yaml"], in: URL(fileURLWithPath: demo))
        let line = outcome.stdout.split(separator: "\n").first { $0.contains("since: 2026-10-16") }
        XCTAssertTrue(line?.contains("ddi-bot") ?? false, "\(String(describing: line))")
        XCTAssertTrue(line?.contains("+4533121048") ?? false, "\(String(describing: line))")
        let missing = try CLIRunner.run(["blame", "nope.yaml"], in: URL(fileURLWithPath: demo))
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("does not exist in HEAD"), missing.stderr)
    }
}
