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
        XCTAssertTrue(text.stdout.contains("cph-hq      1,000        25        51           3    920         0        1         2.5%     923                2,769.00 DKK                 33,228.00 DKK"), text.stdout)
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

    /// `--live`: the numbers to hand back are only those the tenant holds (Calling Plan and Operator
    /// Connect numbers the export lists); Direct Routing numbers are the carrier's and stay (issue 14, item 19).
    func testLiveCountsOnlyNumbersTheTenantHolds() throws {
        let copy = try ContosoCopy()
        func handBack(_ arguments: [String]) throws -> [String: Any] {
            let outcome = try copy.ddi(["report", "--format", "json", "--no-history"] + arguments)
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            return try XCTUnwrap(object["hand_back"] as? [String: Any])
        }
        let all = try handBack([])
        let live = try handBack(["--live", copy.path + "/live"])
        XCTAssertEqual(all["counts_held_numbers_only"] as? Bool, false)
        XCTAssertEqual(live["counts_held_numbers_only"] as? Bool, true)
        let allCount = try XCTUnwrap(all["numbers"] as? Int), liveCount = try XCTUnwrap(live["numbers"] as? Int)
        let notHeld = try XCTUnwrap(live["not_held"] as? Int)
        XCTAssertGreaterThan(notHeld, 0)
        XCTAssertEqual(liveCount + notHeld, allCount)

        let export = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(copy.read("live/phone-numbers.json").utf8)) as? [[String: Any]])
        let held = Set(export.compactMap { $0["TelephoneNumber"] as? String })
        let runs = try XCTUnwrap(live["runs"] as? [[String: Any]])
        for run in runs where run["range"] as? String != "cph-dr" && run["range"] as? String != "sto-dr" {
            let first = try XCTUnwrap(run["first"] as? String), last = try XCTUnwrap(run["last"] as? String)
            XCTAssertTrue(held.contains(first) && held.contains(last), "\(first)..\(last) is not in the tenant's export")
        }
        XCTAssertFalse(runs.contains { $0["first"] as? String == "+4533121004" }, "+4533121004 is not in the export")

        let text = try copy.ddi(["report", "--no-history", "--live", copy.path + "/live"])
        XCTAssertTrue(text.stdout.contains("counting only Calling Plan and Operator Connect numbers the live snapshot lists (\(Self.grouped(notHeld)) left out)"), text.stdout)

        let usersOnly = try copy.ddi(["report", "--live", copy.path + "/live/users.json"])
        XCTAssertNotEqual(usersOnly.status, 0)
        XCTAssertTrue(usersOnly.stderr.contains("no numbers export found"), usersOnly.stderr)
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        return String(digits.enumerated().flatMap { index, digit in index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit] })
    }
}
