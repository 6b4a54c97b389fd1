import DDIKit
import XCTest
@testable import DDIPlan

/// The one generic test of every preflight check's examples (as RuleExamplesTests is for the
/// validation rules): a valid example raises nothing, an invalid one raises findings that say what
/// the example expects, a skipped one raises nothing and says once what the export lacks.
final class PreflightExampleTests: XCTestCase {
    func testEveryExampleOfEveryCheckBehavesAsItSays() {
        for check in PreflightCatalog.all {
            for example in check.examples {
                var raw = PreflightFindings()
                check.check(example.context, &raw)
                let label = "\(check.id) example '\(example.summary)'"
                switch example.outcome {
                case .passes:
                    XCTAssertTrue(raw.items.isEmpty, "\(label) found \(raw.items.map(\.message))")
                    XCTAssertTrue(raw.skipped.isEmpty, "\(label) skipped \(raw.skipped)")
                case .fails(let message):
                    XCTAssertFalse(raw.items.isEmpty, "\(label) found nothing")
                    for item in raw.items {
                        XCTAssertTrue(item.message.contains(message), "\(label): '\(item.message)' does not say '\(message)'")
                        XCTAssertFalse(item.fix.isEmpty, "\(label) gives no fix")
                    }
                case .skipped(let lacking):
                    XCTAssertTrue(raw.items.isEmpty, "\(label) guessed: \(raw.items.map(\.message))")
                    XCTAssertEqual(Array(raw.skipped.keys), [lacking], label)
                }
            }
        }
    }

    func testEveryCheckHasAValidAndAnInvalidExampleAndAMicrosoftSource() {
        for check in PreflightCatalog.all {
            XCTAssertTrue(check.examples.contains { $0.outcome == .passes }, "\(check.id) has no valid example")
            XCTAssertTrue(check.examples.contains { if case .fails = $0.outcome { true } else { false } }, "\(check.id) has no invalid example")
            XCTAssertTrue(check.source.hasPrefix("https://learn.microsoft.com/"), "\(check.id) cites \(check.source)")
            XCTAssertFalse(check.rationale.isEmpty)
        }
    }

    func testIDsAreStableInOrderAndKnownToTheConfigDecoder() {
        XCTAssertEqual(PreflightCatalog.ids, (1...PreflightCatalog.all.count).map { String(format: "PF%03d", $0) })
        XCTAssertEqual(PreflightCatalog.ids, PreflightCheckIDs.all, "DDIKit's list must name the same checks, or ddi.yaml rejects their ids")
        XCTAssertTrue(Set(PreflightCatalog.ids).isDisjoint(with: RuleCatalog.ids))
    }

    func testEveryExplanationShowsRationaleSourceAndEachExample() {
        for check in PreflightCatalog.all {
            let text = PreflightExplanation(check: check).text
            XCTAssertTrue(text.hasPrefix("\(check.id): \(check.title)"))
            XCTAssertTrue(text.contains("Source: \(check.source)"))
            for example in check.examples {
                XCTAssertTrue(text.contains(example.summary), "\(check.id): \(example.summary)")
            }
        }
    }
}
