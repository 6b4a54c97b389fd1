import XCTest
@testable import DDIKit

/// DDI007 grades its findings: a reservation ending later than `policy.reservation_max_days` breaks
/// the policy (an error, so CI fails), while an expired one is money to recover (a warning).
final class ReservationRuleTests: XCTestCase {
    func testTooLongIsAnErrorAndExpiredAWarning() {
        let report = Self.validate("""
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
        numbers:
          - block: "+4533121100..+4533121149"
            status: reserved
            until: 2026-03-31
            reason: Aarhus office opening
          - number: "+4533121150"
            status: reserved
            until: 2028-06-01
            reason: CEO's future assistant
        """)
        let own = report.diagnostics.filter { $0.ruleID == "DDI007" }
        XCTAssertEqual(own.map { "\($0.location.line) \($0.severity.rawValue)" }, ["9 warning", "13 error"], "\(own)")
        XCTAssertTrue(report.hasErrors)
    }

    func testSeverityOverrideStillAppliesToEveryFinding() {
        let report = Self.validate("""
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
        numbers:
          - number: "+4533121150"
            status: reserved
            until: 2028-06-01
            reason: CEO's future assistant
        """, config: "version: 1\nrules:\n  DDI007: warning\n")
        XCTAssertEqual(report.diagnostics.filter { $0.ruleID == "DDI007" }.map(\.severity), [.warning])
    }

    func testTheRuleTableNamesBothSeverities() {
        XCTAssertEqual(ReservationRule().defaultSeverity, .error)
        XCTAssertTrue(ReservationRule().summary.contains("expired (warning)"), ReservationRule().summary)
    }

    private static func validate(_ numbers: String, config: String = "version: 1\n") -> ValidationReport {
        let loaded = InventoryLoader.load(
            config: InventorySourceFile(path: Inventory.configFileName, text: config),
            files: [InventorySourceFile(path: "numbers.yaml", text: numbers + "\n")]
        )
        return Validator.validate(loaded, today: RuleExample.today)
    }
}
