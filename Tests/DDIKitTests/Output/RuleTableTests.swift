import Foundation
import XCTest
import DDIKit

/// README.md's rules table is generated from the rule catalogue; `DDI_UPDATE_GOLDEN=1` rewrites it.
final class RuleTableTests: XCTestCase {
    static let readme = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    func testReadmeRulesTableMatchesTheCatalogue() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let begin = try XCTUnwrap(text.range(of: RuleTable.beginMarker + "\n"), "README.md has no \(RuleTable.beginMarker)")
        let end = try XCTUnwrap(text.range(of: RuleTable.endMarker, range: begin.upperBound..<text.endIndex), "README.md has no \(RuleTable.endMarker)")
        let expected = RuleTable.markdown()
        if ProcessInfo.processInfo.environment["DDI_UPDATE_GOLDEN"] == "1" {
            let updated = String(text[..<begin.upperBound]) + expected + String(text[end.lowerBound...])
            try Data(updated.utf8).write(to: Self.readme, options: .atomic)
            return
        }
        XCTAssertEqual(String(text[begin.upperBound..<end.lowerBound]), expected,
                       "README.md's rules table differs from the rule catalogue (run with DDI_UPDATE_GOLDEN=1 to regenerate it)")
    }

    func testEveryRuleHasOneRowWithItsSeverity() {
        let rows = RuleTable.markdown().split(separator: "\n").dropFirst(2)
        XCTAssertEqual(rows.map { String($0.split(separator: "|").first ?? "").trimmingCharacters(in: .whitespaces) }, RuleCatalog.ids)
        for rule in RuleCatalog.all {
            XCTAssertTrue(rows.contains { $0.hasPrefix("| \(rule.id) | \(rule.defaultSeverity.rawValue) | ") }, rule.id)
            XCTAssertNotEqual(rule.summary, rule.title, "\(rule.id) has no summary of its own for the README")
        }
    }

    func testPipeInASummaryDoesNotBreakTheTable() {
        struct PipeRule: ValidationRule {
            let id = "DDI999"
            let title = "pipe"
            let defaultSeverity = Severity.info
            let summary = "a | b"
            let rationale = "x"
            let examples: [RuleExample] = []
            func check(_ context: ValidationContext, _ findings: inout RuleFindings) {}
        }
        XCTAssertTrue(RuleTable.markdown([PipeRule()]).contains("| DDI999 | info | a \\| b |"))
    }
}
