import DDIGit
import DDIKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import DDIReports

/// Report figures against hand-computed expectations on a small inventory with a scripted history.
final class ReportTests: XCTestCase {
    static let today = Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0)

    static let ranges = """
    ranges:
      - id: r1
        block: "+4533121000..+4533121099"
        source: operator-connect
        country: DK
        site: Test <HQ> & "Co"
        cost: { per_number_month: 2.00, currency: DKK }
      - id: r2
        block: "+46850551000..+46850551009"
        source: operator-connect
        country: SE

    """

    /// r1 after the last commit: 3 assigned, 15 reserved (5 expired), 1 quarantine, 2 external,
    /// 1 retired, 10 declared free, 68 undeclared.
    static func numbers(r1Assigned: Int, r2Assigned: Int) -> String {
        var text = "numbers:\n"
        for index in 0..<r1Assigned {
            text += """
              - number: "+453312100\(index)"
                status: assigned
                kind: test
                assigned_to: test\(index)@contoso.com
                owner: IT
                reviewed: 2026-11-01

            """
        }
        for index in 0..<r2Assigned {
            text += """
              - number: "+4685055100\(index)"
                status: assigned
                kind: test
                assigned_to: se\(index)@contoso.com
                owner: IT
                reviewed: 2026-11-01

            """
        }
        text += """
          - block: "+4533121010..+4533121019"
            status: reserved
            until: 2027-01-31
            reason: active
          - block: "+4533121020..+4533121024"
            status: reserved
            until: 2026-10-01
            reason: ended
          - number: "+4533121030"
            status: quarantine
            since: 2026-11-01
          - block: "+4533121040..+4533121041"
            status: external
            kind: device
            owner: facilities
          - number: "+4533121099"
            status: retired
          - block: "+4533121050..+4533121059"
            status: free

        """
        return text
    }

    func inventory() -> Inventory { Self.inventory() }

    static func inventory() -> Inventory {
        InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"), files: [
            InventorySourceFile(path: "numbers.yaml", text: Self.numbers(r1Assigned: 3, r2Assigned: 2)),
            InventorySourceFile(path: "ranges.yaml", text: Self.ranges),
        ]).inventory
    }

    static let history = [
        AssignedSample(day: Day(iso: "2025-06-01") ?? today, assignedByRange: ["r1": 1, "r2": 4]),
        AssignedSample(day: Day(iso: "2026-03-01") ?? today, assignedByRange: ["r1": 2, "r2": 3]),
        AssignedSample(day: Day(iso: "2026-10-01") ?? today, assignedByRange: ["r1": 3, "r2": 2]),
    ]

    func testCapacityFigures() throws {
        let report = CapacityReport.build(inventory: inventory(), today: Self.today, history: Self.history)
        let r1 = try XCTUnwrap(report.ranges.first { $0.capacity.id == "r1" }?.capacity)
        XCTAssertEqual([r1.size, r1.assigned, r1.reserved, r1.reservedExpired, r1.quarantine, r1.external, r1.retired, r1.free],
                       [100, 3, 15, 5, 1, 2, 1, 78])
        XCTAssertEqual(r1.held, 99)
        XCTAssertEqual(r1.utilisation, 5.0 / 99.0, accuracy: 1e-12)
        XCTAssertEqual(r1.unused, 84) // 78 free + 1 quarantine + 5 expired
        XCTAssertEqual(r1.unusedMonthlyCost ?? 0, 168.0, accuracy: 1e-9)
        XCTAssertEqual(r1.headroom, 79)
        let r2 = try XCTUnwrap(report.ranges.first { $0.capacity.id == "r2" }?.capacity)
        XCTAssertEqual([r2.size, r2.assigned, r2.free], [10, 2, 8])
        XCTAssertNil(r2.unusedMonthlyCost)
        XCTAssertEqual(report.total.capacity.assigned, 5)
        XCTAssertEqual(report.total.unusedMonthlyCost, ["DKK": 168.0])
        XCTAssertEqual(report.total.rangesWithoutCost, ["r2"])
    }

    func testForecastFromTheScriptedHistory() throws {
        let report = CapacityReport.build(inventory: inventory(), today: Self.today, history: Self.history)
        let r1 = try XCTUnwrap(report.ranges.first { $0.capacity.id == "r1" })
        // 90 days: the window starts 2026-08-29; the count then was 2 (2026-03-01); now 3.
        XCTAssertEqual(r1.forecasts[0].perDay ?? 0, 1.0 / 90.0, accuracy: 1e-12)
        XCTAssertEqual(r1.forecasts[0].basisDays, 90)
        XCTAssertEqual(r1.forecasts[0].runOut, .on(Day(iso: "2046-05-16") ?? Self.today)) // ceil(79 * 90) = 7110 days
        // 365 days: from 2025-11-27 (count 1, from 2025-06-01) to 3.
        XCTAssertEqual(r1.forecasts[1].perDay ?? 0, 2.0 / 365.0, accuracy: 1e-12)
        XCTAssertEqual(r1.forecasts[1].runOut, .on(Day(iso: "2066-05-19") ?? Self.today)) // ceil(79 * 182.5) = 14418 days
        let r2 = try XCTUnwrap(report.ranges.first { $0.capacity.id == "r2" })
        XCTAssertEqual(r2.forecasts.map(\.runOut), [.never, .never]) // 3 → 2 and 4 → 2: negative rates
        XCTAssertEqual(report.total.forecasts.map(\.runOut), [.never, .never]) // 5 → 5: zero
        let text = try report.render(.text)
        XCTAssertTrue(text.contains("r1           79   +0.3/mo  2046-05-16        +0.2/mo  2066-05-19"), text)
    }

    func testNoHistoryMeansUnknownNotNever() {
        let report = CapacityReport.build(inventory: inventory(), today: Self.today, history: [], historyNote: "not a git repository")
        XCTAssertEqual(report.ranges[0].forecasts.map(\.runOut), [.unknown, .unknown])
        XCTAssertTrue(try report.render(.text).contains("history: not a git repository"))
    }

    func testHistoryYoungerThanTheWindowUsesItsFirstSample() {
        let samples = [AssignedSample(day: Self.today.adding(days: -30), assignedByRange: ["r1": 0])]
        let rate = Forecast.rate(samples: samples, today: Self.today, windowDays: 365, current: 6, rangeID: "r1")
        XCTAssertEqual(rate?.perDay ?? 0, 0.2, accuracy: 1e-12)
        XCTAssertEqual(rate?.basisDays, 30)
        XCTAssertEqual(Forecast.runOut(headroom: 10, perDay: 0.2, today: Self.today), .on(Self.today.adding(days: 50)))
        XCTAssertEqual(Forecast.runOut(headroom: 0, perDay: 0.2, today: Self.today), .on(Self.today))
        XCTAssertEqual(Forecast.runOut(headroom: 10, perDay: 0, today: Self.today), .never)
        XCTAssertNil(Forecast.rate(samples: [AssignedSample(day: Self.today, assignedByRange: [:])], today: Self.today, windowDays: 90, current: 1, rangeID: nil))
    }

    func testJSONCarriesTheFigures() throws {
        let report = CapacityReport.build(inventory: inventory(), today: Self.today, history: Self.history)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.render(.json).utf8)) as? [String: Any])
        let ranges = try XCTUnwrap(object["ranges"] as? [[String: Any]])
        let r1 = try XCTUnwrap(ranges.first { $0["id"] as? String == "r1" })
        XCTAssertEqual(r1["unused"] as? Int, 84)
        XCTAssertEqual((r1["cost"] as? [String: Any])?["unused_monthly"] as? Double, 168)
        let forecast = try XCTUnwrap(r1["forecast"] as? [[String: Any]])
        XCTAssertEqual(forecast.map { $0["runs_out"] as? String }, ["2046-05-16", "2066-05-19"])
        XCTAssertEqual(forecast.map { $0["window_days"] as? Int }, [90, 365])
    }

    func testHTMLIsSelfContainedWellFormedAndShowsTheFigures() throws {
        let report = CapacityReport.build(inventory: inventory(), today: Self.today, history: Self.history)
        let html = try report.render(.html)
        for forbidden in ["http:", "https:", "src=", "href=", "url(", "@import", "<script", "<link", "<iframe"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), "external reference: \(forbidden)")
        }
        XCTAssertFalse(html.contains("Test <HQ>"), "user text must be escaped")
        XCTAssertTrue(html.contains("Test &lt;HQ&gt; &amp; &quot;Co&quot;"))
        let page = try HTMLPage(html)
        XCTAssertEqual(page.count("svg"), 2)
        XCTAssertGreaterThan(page.count("rect"), 5)
        XCTAssertEqual(page.count("path"), 1)
        let r1 = page.rows.filter { $0.first == "r1" }
        XCTAssertEqual(r1.first, ["r1", "Test <HQ> & \"Co\"", "operator-connect", "100", "3", "15 (5 expired)", "1", "78", "2", "5.1%"])
        XCTAssertEqual(r1.dropFirst().first, ["r1", "84", "168.00 DKK", "2,016.00 DKK", "+0.3/mo", "2046-05-16", "+0.2/mo", "2066-05-19"])
        let totals = page.rows.filter { $0.first == "Total" }
        XCTAssertEqual(totals.first?[3], "110")
        XCTAssertEqual(totals.dropFirst().first?[5], "never")
    }

    /// At 1280 px the old 16-column table hid cost, rate and run-out behind a scrollbar, and print cut
    /// them off (issue 14, item 18): no table is wider than ten columns, nothing scrolls sideways, and
    /// a print stylesheet lays the page out for A4.
    func testHTMLFitsAWindowAndAPage() throws {
        let report = CapacityReport.build(inventory: inventory(), today: Self.today, history: Self.history)
        let html = try report.render(.html)
        let page = try HTMLPage(html)
        XCTAssertEqual(page.count("table"), 3, "capacity, cost and forecast, numbers to hand back")
        XCTAssertTrue(page.rows.allSatisfy { $0.count <= 10 }, "\(page.rows.map(\.count))")
        XCTAssertFalse(html.contains("overflow-x"), "no table scrolls sideways")
        XCTAssertFalse(html.contains("class=\"scroll\""))
        XCTAssertTrue(html.contains("@media print{"), "a print stylesheet")
        XCTAssertTrue(html.contains("@page{size:A4 landscape"))
        XCTAssertTrue(html.contains("<th class=\"num\">Unused cost / month</th><th class=\"num\">Unused cost / year</th>"))
        XCTAssertTrue(html.contains("<div class=\"label\">Unused cost / year</div><div class=\"value\"><span class=\"amounts\"><span class=\"amount\">2,016.00 DKK</span></span></div>"), html)
    }
}

/// A minimal reading of the page with the XML parser: element counts and table rows as cell texts.
final class HTMLPage: NSObject, XMLParserDelegate {
    private(set) var counts: [String: Int] = [:]
    private(set) var rows: [[String]] = []
    private var row: [String]?
    private var cell: String?
    private var failure: Error?

    init(_ html: String) throws {
        super.init()
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? failure ?? NSError(domain: "HTMLPage", code: 1)
        }
    }

    func count(_ element: String) -> Int { counts[element] ?? 0 }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
        if elementName == "tr" { row = [] }
        if elementName == "td" || elementName == "th" { cell = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { cell? += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "td" || elementName == "th", let text = cell { row?.append(text); cell = nil }
        if elementName == "tr", let finished = row { rows.append(finished); row = nil }
    }
}
