import XCTest
@testable import DDIKit

/// Runs every rule's examples: a valid example yields no diagnostic at all; an invalid one yields at
/// least one diagnostic of its rule and no error from any other rule. The same examples are the text
/// of `ddi explain`, so the documentation cannot drift from the behaviour.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasValidAndInvalidExamples() {
        for rule in RuleCatalog.all {
            XCTAssertTrue(rule.examples.contains { $0.isValid }, "\(rule.id) has no valid example")
            XCTAssertTrue(rule.examples.contains { !$0.isValid }, "\(rule.id) has no invalid example")
            XCTAssertFalse(rule.rationale.isEmpty, "\(rule.id) has no rationale")
        }
    }

    func testRuleIDsAreUniqueAndOrdered() {
        let ids = RuleCatalog.ids
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(ids.first, "DDI001")
        // The catalogue grows at its end: the last rule has the highest number.
        XCTAssertEqual(ids.last, "DDI" + String(format: "%03d", ids.count))
    }

    func testEveryExample() {
        for rule in RuleCatalog.all {
            for example in rule.examples {
                let report = Self.validate(example)
                let label = "\(rule.id) \(example.isValid ? "valid" : "invalid") example '\(example.summary)'"
                if example.isValid {
                    XCTAssertEqual(report.diagnostics.map(Self.describe), [], label)
                } else {
                    XCTAssertTrue(report.diagnostics.contains { $0.ruleID == rule.id }, "\(label) did not trigger its rule; got \(report.diagnostics.map(Self.describe))")
                    let foreignErrors = report.diagnostics.filter { $0.ruleID != rule.id && $0.severity == .error }
                    XCTAssertEqual(foreignErrors.map(Self.describe), [], "\(label) also trips other rules")
                }
            }
        }
    }

    static func validate(_ example: RuleExample) -> ValidationReport {
        let config = example.files.first { $0.path == Inventory.configFileName }
        let files = example.files.filter { $0.path != Inventory.configFileName }
        let loaded = InventoryLoader.load(
            config: InventorySourceFile(path: Inventory.configFileName, text: config?.text ?? "version: 1\n"),
            files: files.map { InventorySourceFile(path: $0.path, text: $0.text) }
        )
        let base = example.base.map { baseFiles in
            InventoryLoader.load(
                config: InventorySourceFile(path: Inventory.configFileName, text: baseFiles.first { $0.path == Inventory.configFileName }?.text ?? "version: 1\n"),
                files: baseFiles.filter { $0.path != Inventory.configFileName }.map { InventorySourceFile(path: $0.path, text: $0.text) }
            ).inventory
        }
        let commits = example.commitMessage.map { message in
            [CommittedChange(commit: "example", message: message, diff: InventoryDiff(from: base ?? loaded.inventory, to: loaded.inventory))]
        }
        return Validator.validate(loaded, today: RuleExample.today, base: base, commits: commits)
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.location): \(diagnostic.severity.rawValue)[\(diagnostic.ruleID)]: \(diagnostic.message)"
    }
}
