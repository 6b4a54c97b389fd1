import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import DDITestSupport
import XCTest

final class ReportCommandTests: XCTestCase {
    func testTextAndJSONOnContoso() throws {
        let copy = try ContosoCopy()
        let text = try copy.ddi(["report"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("cph-hq      1000        25        51           3   920         0        1         2.5%     923  2769.00 DKK"), text.stdout)
        let json = try copy.ddi(["report", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["ranges"] as? [Any])?.count, 6)
        XCTAssertEqual(try copy.ddi(["report", "--format", "pdf"]).status, 64)
    }

    /// A scripted history made with ddi itself: allocations through 2026, then the HTML report.
    func testHTMLReportOnAScriptedHistory() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { throw Prerequisite.missing("git is not installed") }
        let copy = try ContosoCopy().withoutSnapshot()
        XCTAssertEqual(try copy.git(["init", "-q", "-b", "main"]), 0)
        XCTAssertEqual(try copy.git(["add", "-A"]), 0)
        XCTAssertEqual(try copy.git(["commit", "-q", "-m", "import"], date: "2025-12-01T10:00:00+01:00"), 0)
        let months = ["2026-01-15", "2026-03-15", "2026-05-15", "2026-07-15", "2026-09-15", "2026-11-15"]
        for (index, day) in months.enumerated() {
            let outcome = try copy.ddi(["allocate", "--range", "sto-office", "--count", "5", "--kind", "test", "--assigned-to", "load\(index)@contoso.com",
                                        "--owner", "IT", "--category", "private"], today: day)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(try copy.git(["commit", "-q", "-am", "allocate \(day)"], date: day + "T10:00:00+01:00"), 0)
        }
        let json = try copy.ddi(["report", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sto = try XCTUnwrap((object["ranges"] as? [[String: Any]])?.first { $0["id"] as? String == "sto-office" })
        let forecast = try XCTUnwrap(sto["forecast"] as? [[String: Any]])
        // 90 days back is 2026-08-29: 20 more since (2026-07-15 state) → 10 (Sep 15 and Nov 15) in 90 days.
        XCTAssertEqual(forecast[0]["rate_per_month"] as? Double, ((10.0 / 90.0) * 365.25 / 12 * 100).rounded() / 100)
        XCTAssertNotNil(forecast[0]["runs_out"] as? String)
        let html = try copy.ddi(["report", "--format", "html", "--output", copy.url.appendingPathComponent("report.html").path])
        XCTAssertEqual(html.status, 0, html.stderr)
        let page = try copy.read("report.html")
        for forbidden in ["http:", "https:", "src=", "href=", "<script", "<link", "url("] {
            XCTAssertFalse(page.contains(forbidden), forbidden)
        }
        let parser = XMLParser(data: Data(page.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").utf8))
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
        XCTAssertTrue(page.contains("<svg"), "charts are inline SVG")
        XCTAssertTrue(page.contains("class=\"forecast\""), "the forecast line is drawn")
    }
}
