import DDIGit
import DDIKit
import DDITestSupport
import Foundation
import XCTest
@testable import DDIReports

/// `ddi report` prints `renderedBytes`: JSON written by `JSONBytesEncoder` instead of `JSONEncoder`
/// (issue 15). Every format must stay the text `render` makes, byte for byte, on the examples, the
/// scripted report, hostile values and generated costs and histories.
final class ReportBytesTests: XCTestCase {
    private func assertSameText(_ report: CapacityReport, _ label: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for format in ReportFormat.allCases {
            let text = try report.render(format)
            let bytes = try report.renderedBytes(format)
            XCTAssertEqual(bytes, Array(text.utf8), "\(label) \(format)", file: file, line: line)
        }
        // `JSONReportWriter` against the `Encodable` way it replaced (`JSONBytesEncoder`).
        let renderer = JSONReportRenderer(report: report)
        let encoded = try renderer.encodedBytes()
        XCTAssertEqual(try renderer.renderedBytes(), encoded, "\(label) writer", file: file, line: line)
        // Written in two halves on two threads, as a large report is.
        XCTAssertEqual(try renderer.renderedBytes(splitAt: 2), encoded, "\(label) writer in halves", file: file, line: line)
    }

    func testTheExamples() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
        for name in ["contoso", "fabrikam", "northwind", "tailspin", "broken"] {
            let loaded = try InventoryLoader.load(root: examples.appendingPathComponent(name).path)
            let held = HeldNumbers(numbers: loaded.inventory.numbers.compactMap { $0.span?.first }.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
            for touches in [nil, held] {
                try assertSameText(CapacityReport.build(inventory: loaded.inventory, today: ReportTests.today, history: ReportTests.history, held: touches), name)
            }
        }
    }

    /// A history of many days over an inventory of many ranges, where each day lists few ranges: the
    /// writer's reservation follows what each day lists (it once multiplied days by ranges: about
    /// 20 GB here, an allocation the system may refuse, and a refused allocation aborts the command).
    func testTheReservationIsSizedByWhatIsWritten() throws {
        let report = CapacityReport.build(inventory: ReportTests.inventory(), today: ReportTests.today, history: ReportTests.history)
        var output = JSONReportRenderer(report: report).output(withRuns: false)
        let row = try XCTUnwrap(output.ranges.first)
        output.ranges = Array(repeating: row, count: 10_000)
        output.history = (0..<50_000).map { JSONReportRenderer.HistoryPoint(date: "2026-01-0\($0 % 9 + 1)", assigned: $0 % 2 == 0 ? [:] : ["r": $0]) }
        let estimate = JSONReportWriter.estimatedSize(output, runs: report.handBack.runs)
        let written = try XCTUnwrap(JSONReportWriter.write(output, runs: report.handBack.runs))
        XCTAssertLessThan(estimate, written.count * 2)
        XCTAssertGreaterThan(estimate, written.count / 2)
    }

    func testTheScriptedAndHostileReports() throws {
        try assertSameText(CapacityReport.build(inventory: ReportTests.inventory(), today: ReportTests.today, history: ReportTests.history), "scripted")
        try assertSameText(CapacityReport.build(inventory: ReportTests.inventory(), today: ReportTests.today, history: [], historyNote: "none"), "no history")
        let hostile = InventoryLoader.load(
            config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\ntenant: \(ReportRenderingInjectionTests.yaml)\n"),
            files: [InventorySourceFile(path: "ranges.yaml", text: """
            ranges:
              - id: "cph\\e[31m\\n::error file=x::Approved/\\u0000"
                block: "+4533121000..+4533121099"
                source: operator-connect
                country: DK
                cost: { per_number_month: 2.005, currency: \(ReportRenderingInjectionTests.yaml) }
            numbers: []

            """)]
        ).inventory
        try assertSameText(CapacityReport.build(inventory: hostile, today: ReportTests.today, history: ReportTests.history,
                                                historyNote: "no git history (bad object \u{1B}]0;x\u{07}\n::error file=x::Approved)"), "hostile")
    }

    /// Costs with every kind of fraction, ranges with awkward ids and currencies, random histories.
    func testGeneratedCostsAndHistories() throws {
        var generator = SeededGenerator(defaultSeed: 0x4E90_0015)
        let currencies = ["DKK", "SEK", "EUR", "€", "a/b", "\"q\"", "\\", "ß"]
        for round in 0..<40 {
            var ranges = "ranges:\n"
            var ids: [String] = []
            for index in 0..<Int.random(in: 1...6, using: &generator) {
                let id = ["r\(index)", "Site/\(index)", "é\(index)", "10-\(index)", "B\(index)"][Int.random(in: 0..<5, using: &generator)]
                ids.append(id)
                let cost = Double(Int.random(in: 0...100_000, using: &generator)) / [1, 3, 7, 100, 1000][Int.random(in: 0..<5, using: &generator)]
                let currency = currencies.randomElement(using: &generator) ?? "DKK"
                ranges += """
                  - id: "\(id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"
                    block: "+45331\(String(format: "%02d", index))000..+45331\(String(format: "%02d", index))\(["099", "999", "009"].randomElement(using: &generator) ?? "099")"
                    source: operator-connect
                    country: DK
                    cost: { per_number_month: \(cost), currency: "\(currency.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))" }

                """
            }
            var numbers = "numbers:\n"
            for index in 0..<Int.random(in: 0...30, using: &generator) {
                let block = Int.random(in: 0..<ids.count, using: &generator)
                let status = ["assigned", "free", "quarantine", "external"].randomElement(using: &generator) ?? "free"
                numbers += "  - number: \"+45331\(String(format: "%02d", block))0\(String(format: "%02d", index))\"\n    status: \(status)\n"
                if status == "assigned" { numbers += "    kind: user\n    assigned_to: u\(index)@contoso.com\n" }
                if status == "quarantine" { numbers += "    since: 2026-0\(Int.random(in: 1...9, using: &generator))-01\n" }
            }
            let inventory = InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"), files: [
                InventorySourceFile(path: "ranges.yaml", text: ranges), InventorySourceFile(path: "numbers.yaml", text: numbers),
            ]).inventory
            let history = (0..<Int.random(in: 0...12, using: &generator)).map { step in
                AssignedSample(day: ReportTests.today.adding(days: -400 + step * 33),
                               assignedByRange: Dictionary(ids.map { ($0, Int.random(in: 0...50, using: &generator)) }, uniquingKeysWith: { $1 }))
            }
            try assertSameText(CapacityReport.build(inventory: inventory, today: ReportTests.today, history: history), "round \(round) \(generator.replay)")
        }
    }

    /// Large generated hand-back lists with history: every kind of idle day (since the history began,
    /// a day, unknown), ended reservations, held numbers, ranges that overlap, hostile ids, costs of
    /// every size, and days beyond year 9999 or before year 1; then hostile range ids and currencies
    /// (which validation refuses, so they are put into the runs themselves) and numbers with
    /// extensions or unusual lengths.
    func testGeneratedHandBackListsWithHistory() throws {
        var generator = SeededGenerator(defaultSeed: 0x4E90_0315)
        let currencies = ["DKK", "EUR", "SEK", "USD"]
        var roundsWithRuns = 0
        let hostile = ["€", "a/b", "\"q\"", "\\", "x\u{1B}[1m\n", "ß", "e\u{301}", "\u{7F}\u{0}", "</script>"]
        for round in 0..<30 {
            var ranges = "ranges:\n"
            var ids: [String] = []
            for index in 0..<Int.random(in: 1...5, using: &generator) {
                let id = ["r\(index)", "site.\(index)", "a_b-\(index)"][Int.random(in: 0..<3, using: &generator)]
                ids.append(id)
                // Two ranges may share a block: their runs then tie on day, count and first number.
                let block = Int.random(in: 0...3, using: &generator)
                let cost = [0.0005, 0.01, 1.5, 2.005, 999_999.99, 123_456.789][Int.random(in: 0..<6, using: &generator)]
                let currency = currencies.randomElement(using: &generator) ?? "DKK"
                ranges += """
                  - id: "\(Self.quoted(id))"
                    block: "+45331\(block)0000..+45331\(block)0\(["099", "999", "009"].randomElement(using: &generator) ?? "099")"
                    source: \(["operator-connect", "calling-plan", "direct-routing"].randomElement(using: &generator) ?? "operator-connect")
                    country: DK
                    cost: { per_number_month: \(cost), currency: "\(Self.quoted(currency))" }

                """
            }
            var numbers = "numbers:\n"
            for index in 0..<Int.random(in: 0...60, using: &generator) {
                let number = "+45331\(Int.random(in: 0...3, using: &generator))0\(String(format: "%03d", Int.random(in: 0...999, using: &generator)))"
                let status = ["assigned", "free", "reserved", "quarantine"].randomElement(using: &generator) ?? "free"
                numbers += "  - number: \"\(number)\"\n    status: \(status)\n"
                if status == "assigned" { numbers += "    kind: user\n    assigned_to: u\(index)@contoso.com\n" }
                if status == "reserved" { numbers += "    reason: x\n    until: 2026-\(String(format: "%02d", Int.random(in: 1...12, using: &generator)))-01\n" }
                if status == "quarantine" { numbers += "    since: 2026-0\(Int.random(in: 1...9, using: &generator))-01\n" }
            }
            let inventory = InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"), files: [
                InventorySourceFile(path: "ranges.yaml", text: ranges), InventorySourceFile(path: "numbers.yaml", text: numbers),
            ]).inventory
            let firstDay = [Day(daysSinceEpoch: 3_000_000), Day(daysSinceEpoch: -800_000), ReportTests.today.adding(days: -500)][round % 3]
            var touches: [DeclarationTouches.Touch] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let lower = PhoneNumber(value: 4_533_100_000 + UInt64.random(in: 0...39_999, using: &generator), digitCount: 10).key
                touches.append(.init(lower: lower, upper: lower + UInt64.random(in: 0...300, using: &generator),
                                     day: firstDay.adding(days: Int.random(in: -5...700, using: &generator))))
            }
            let history = round % 4 == 0 ? nil : DeclarationTouches(touches: touches, firstDay: round % 5 == 0 ? nil : firstDay)
            let held = round % 3 == 1 ? HeldNumbers(numbers: (0..<400).map { _ in
                PhoneNumber(value: 4_533_100_000 + UInt64.random(in: 0...39_999, using: &generator), digitCount: 10)
            }) : nil
            var report = CapacityReport.build(inventory: inventory, today: ReportTests.today, history: ReportTests.history,
                                              historyNote: round % 2 == 0 ? nil : "note/\u{1B}", touches: history, held: held)
            if !report.handBack.runs.isEmpty { roundsWithRuns += 1 }
            try assertSameText(report, "hand-back round \(round) \(generator.replay)")
            for index in report.handBack.runs.indices where Bool.random(using: &generator) {
                report.handBack.runs[index].rangeID = hostile.randomElement(using: &generator) ?? ""
                report.handBack.runs[index].currency = hostile.randomElement(using: &generator) ?? ""
                let digits = Int.random(in: 1...15, using: &generator)
                let value = UInt64.random(in: 0...999_999_999_999_999, using: &generator) % [1, 10, 1_000, 10_000_000_000][Int.random(in: 0...3, using: &generator)]
                report.handBack.runs[index].first = PhoneNumber(value: value, digitCount: digits, phoneExtension: Bool.random(using: &generator) ? "12" : nil)
            }
            try assertSameText(report, "hostile hand-back round \(round) \(generator.replay)")
        }
        XCTAssertGreaterThan(roundsWithRuns, 20, "too few generated reports have runs to hand back")
    }

    /// A cost JSON cannot hold (infinite) is refused with the `Encodable` way's own error, not written.
    func testANonFiniteCostIsRefusedAsTheEncoderRefusesIt() throws {
        var report = CapacityReport.build(inventory: ReportTests.inventory(), today: ReportTests.today, history: ReportTests.history)
        guard let first = report.handBack.runs.first else { return XCTFail("the scripted report has runs to hand back") }
        var infinite = first
        infinite.perNumberMonth = .infinity
        report.handBack.runs.append(infinite)
        let renderer = JSONReportRenderer(report: report)
        XCTAssertThrowsError(try renderer.encodedBytes())
        // In the second half of the runs when they are written in halves.
        XCTAssertThrowsError(try renderer.renderedBytes(splitAt: 2))
        do {
            _ = try renderer.renderedBytes()
            XCTFail("an infinite cost was written")
        } catch {
            do {
                _ = try renderer.encodedBytes()
            } catch let expected {
                XCTAssertEqual(error, expected)
            }
        }
    }

    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\u{7F}", with: "\\x7F")
    }
}
