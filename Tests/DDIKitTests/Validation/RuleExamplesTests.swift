import XCTest
@testable import DDIKit

/// Runs every rule's examples: a valid example yields no diagnostic at all; an invalid one yields its
/// rule's diagnostics exactly where its `↓` markers stand, each containing the declared message, and
/// no error from any other rule. The same examples are the text of `ddi explain`, so the
/// documentation cannot drift from the behaviour.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasValidAndInvalidExamples() {
        for rule in RuleCatalog.all {
            XCTAssertTrue(rule.examples.contains { $0.isValid }, "\(rule.id) has no valid example")
            XCTAssertTrue(rule.examples.contains { !$0.isValid }, "\(rule.id) has no invalid example")
            XCTAssertFalse(rule.rationale.isEmpty, "\(rule.id) has no rationale")
        }
    }

    func testRuleIDsAreUniqueAndOrderedFromDDI001() {
        let ids = RuleCatalog.ids
        XCTAssertEqual(ids, ids.sorted())
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(ids.first, "DDI001")
        // Numbered without gaps: the last ID is the number of rules.
        XCTAssertEqual(ids.last, String(format: "DDI%03d", ids.count))
    }

    func testEveryInvalidExampleDeclaresMarkersAndMessage() {
        for rule in RuleCatalog.all {
            for example in rule.examples {
                let label = "\(rule.id) \(example.isValid ? "valid" : "invalid") example '\(example.summary)'"
                if example.isValid {
                    XCTAssertEqual(example.expectedLocations, [], "\(label) has a ↓ marker")
                    XCTAssertNil(example.expectedMessage, label)
                } else {
                    XCTAssertFalse(example.expectedLocations.isEmpty, "\(label) has no ↓ marker where its diagnostic lands")
                    XCTAssertFalse((example.expectedMessage ?? "").isEmpty, "\(label) declares no message")
                }
                let texts = example.files.map(\.text) + (example.base ?? []).map(\.text)
                XCTAssertFalse(texts.contains { $0.contains(RuleExampleMarker.character) }, "\(label) keeps a marker in its text (markers belong in files, not in base)")
            }
        }
    }

    func testEveryExample() {
        for rule in RuleCatalog.all {
            for example in rule.examples {
                let report = Self.validate(example)
                let label = "\(rule.id) \(example.isValid ? "valid" : "invalid") example '\(example.summary)'"
                if example.isValid {
                    XCTAssertEqual(report.diagnostics.map(Self.describe), [], label)
                    continue
                }
                let own = report.diagnostics.filter { $0.ruleID == rule.id }
                XCTAssertFalse(own.isEmpty, "\(label) did not trigger its rule; got \(report.diagnostics.map(Self.describe))")
                XCTAssertEqual(own.map(\.location).sorted(), example.expectedLocations.sorted(),
                               "\(label): diagnostics are not where the ↓ markers stand; got \(own.map(Self.describe))")
                if let message = example.expectedMessage {
                    for diagnostic in own {
                        XCTAssertTrue(diagnostic.message.contains(message), "\(label): '\(diagnostic.message)' does not contain '\(message)'")
                    }
                }
                let foreignErrors = report.diagnostics.filter { $0.ruleID != rule.id && $0.severity == .error }
                XCTAssertEqual(foreignErrors.map(Self.describe), [], "\(label) also trips other rules")
            }
        }
    }

    func testMarkerIsRemovedAndPinsTheCharacterAfterIt() {
        let marked = RuleExampleMarker.strip("numbers:\n  - number: ↓\"+4533121042\"\n    until: ↓2026-03-31\n", path: "numbers.yaml")
        XCTAssertEqual(marked.text, "numbers:\n  - number: \"+4533121042\"\n    until: 2026-03-31\n")
        XCTAssertEqual(marked.locations, [
            SourceLocation(file: "numbers.yaml", line: 2, column: 13),
            SourceLocation(file: "numbers.yaml", line: 3, column: 12),
        ])
    }

    func testExplainShowsNoMarkers() {
        for rule in RuleCatalog.all {
            XCTAssertFalse(RuleExplanation(rule: rule).text.contains(RuleExampleMarker.character), "ddi explain \(rule.id) shows a marker")
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
