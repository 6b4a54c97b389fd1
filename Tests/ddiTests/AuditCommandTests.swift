import Foundation
import XCTest

final class AuditCommandTests: XCTestCase {
    func testOneRowPerNumberWithItsLastChange() throws {
        let demo = try DemoRepository.path
        let outcome = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "csv", "--no-cache"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let rows = outcome.stdout.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(rows.first, "number,status,kind,owner,assigned_to,routing,reviewed,file,last_commit,last_author,last_date,last_summary,flags")
        let offboard = try DemoRepository.commit("Offboard rikke.moller")
        let rikke = try XCTUnwrap(rows.first { $0.hasPrefix("+4533121048,") })
        XCTAssertTrue(rikke.contains(",\(offboard),ddi-bot <ddi-bot@contoso.com>,2026-10-16T"), rikke)
        let review = try DemoRepository.commit("Quarterly review of Sales Denmark")
        XCTAssertTrue(try XCTUnwrap(rows.first { $0.hasPrefix("+4533121042,") }).contains(review), outcome.stdout)
        let json = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["rows"] as? [Any])?.count, rows.count - 1)
        let markdown = try CLIRunner.run(["audit", "-C", demo, "--today", "2026-11-27", "--format", "markdown"]).stdout
        XCTAssertTrue(markdown.hasPrefix("### Number audit: contoso.onmicrosoft.com at `HEAD`"), markdown)
    }

    func testFlags() throws {
        let demo = try DemoRepository.path
        let text = try CLIRunner.run(["audit", "-C", demo, "--today", "2027-06-01"]).stdout
        let reserve = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("+4533121099 ") })
        XCTAssertTrue(reserve.hasSuffix("expired-reservation"), String(reserve))
        XCTAssertTrue(text.split(separator: "\n").contains { $0.hasPrefix("+4533121048 ") && $0.hasSuffix("quarantine-over") })
    }
}
