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
}
