import DDIGit
import DDIKit
import XCTest
@testable import DDIReports

/// How the report writes numbers (issue 14, item 18): thousands separators, run-out dates a budget
/// can use.
final class FiguresTests: XCTestCase {
    func testThousandsSeparators() {
        XCTAssertEqual(Figures.count(0), "0")
        XCTAssertEqual(Figures.count(999), "999")
        XCTAssertEqual(Figures.count(1_000), "1,000")
        XCTAssertEqual(Figures.count(1_234_567), "1,234,567")
        XCTAssertEqual(Figures.money(2_769, "DKK"), "2,769.00 DKK")
        XCTAssertEqual(Figures.money(1_234_567.891, "SEK"), "1,234,567.89 SEK")
        XCTAssertEqual(Figures.money(-1_500.5, "DKK"), "-1,500.50 DKK")
        XCTAssertEqual(Figures.money(0.5, "DKK"), "0.50 DKK")
        XCTAssertEqual(Figures.fixed(1_234.5, 1), "1234.5", "not grouped unless asked")
        XCTAssertEqual(Figures.moneyList(["SEK": 12_000, "DKK": 3]), "3.00 DKK, 12,000.00 SEK")
    }

    func testRunOutPast2100IsAfter2100() throws {
        func runOut(_ iso: String) throws -> String {
            Figures.runOut(RangeForecast(windowDays: 90, perDay: 0.01, basisDays: 90, runOut: .on(try XCTUnwrap(Day(iso: iso)))))
        }
        XCTAssertEqual(try runOut("2046-05-16"), "2046-05-16")
        XCTAssertEqual(try runOut("2100-12-31"), "2100-12-31")
        XCTAssertEqual(try runOut("2101-01-01"), "after 2100")
        XCTAssertEqual(try runOut("9999-12-31"), "after 2100")
    }

    func testTheReportShowsAFarRunOutAsAfter2100() throws {
        // r1 has 79 numbers of headroom; one more assigned number in ten years runs out in 2816.
        let samples = [AssignedSample(day: ReportTests.today.adding(days: -3650), assignedByRange: ["r1": 2, "r2": 2])]
        let report = CapacityReport.build(inventory: ReportTests.inventory(), today: ReportTests.today, history: samples)
        guard case .on(let day) = report.ranges[0].forecasts[1].runOut else { return XCTFail("\(report.ranges[0].forecasts)") }
        XCTAssertGreaterThan(day.components.year, 2100)
        for format in [ReportFormat.text, .html] {
            let output = try report.render(format)
            XCTAssertTrue(output.contains("after 2100"), "\(format)")
            XCTAssertFalse(output.contains(day.description), "\(format)")
        }
        XCTAssertTrue(try report.render(.json).contains(day.description), "JSON keeps the day")
    }
}
