import DDIKit
import XCTest
@testable import DDIReports

/// The capacity report prints the tenant, range ids, currencies and git's words: none may reach the
/// terminal or a CI log raw.
final class ReportRenderingInjectionTests: XCTestCase {
    static let yaml = "\"Front Office\\e[31m\\n::error file=x::Approved\""
    static let escaped = "Front Office\\u{1B}[31m\\n::error file=x::Approved"

    func hostileReport() throws -> CapacityReport {
        let text = """
        ranges:
          - id: "cph\\e[31m\\n::error file=x::Approved"
            block: "+4533121000..+4533121099"
            source: operator-connect
            country: DK
            cost: { per_number_month: 2.00, currency: \(Self.yaml) }
          - id: r2
            block: "+46850551000..+46850551009"
            source: operator-connect
            country: SE
        numbers: []

        """
        let inventory = InventoryLoader.load(
            config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\ntenant: \(Self.yaml)\n"),
            files: [InventorySourceFile(path: "ranges.yaml", text: text)]
        ).inventory
        let today = try XCTUnwrap(Day(iso: "2026-11-27"))
        return CapacityReport.build(inventory: inventory, today: today, history: [], historyNote: "no git history (bad object \u{1B}]0;x\u{07}\n::error file=x::Approved)")
    }

    func testTextEscapesTenantRangesCurrenciesAndTheHistoryNote() throws {
        let text = try hostileReport().render(.text)
        XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, text)
        XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("::") }, text)
        XCTAssertTrue(text.contains("Capacity on 2026-11-27 (\(Self.escaped))"), text)
        XCTAssertTrue(text.contains("history: no git history (bad object \\u{1B}]0;x\\u{7}\\n::error file=x::Approved)"), text)
    }

    func testHTMLKeepsValuesOffTheirOwnLines() throws {
        let html = try hostileReport().render(.html)
        XCTAssertFalse(html.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, String(html.suffix(2000)))
        XCTAssertFalse(html.split(separator: "\n").contains { $0.hasPrefix("::") }, String(html.suffix(2000)))
        XCTAssertTrue(html.contains("Front Office\u{FFFD}[31m&#10;::error file=x::Approved"), String(html.prefix(3000)))
    }
}
