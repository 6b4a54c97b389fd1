import DDIKit
import XCTest

/// The pieces every diagnostic is made of: its place, its severity and the order output uses.
final class DiagnosticsTests: XCTestCase {
    func testALocationReadsFileLineColumnAndSortsByThem() {
        let a = SourceLocation(file: "numbers/hq.yaml", line: 40, column: 5)
        XCTAssertEqual(a.description, "numbers/hq.yaml:40:5")
        let sorted = [
            SourceLocation(file: "sites/b.yaml", line: 1, column: 1),
            SourceLocation(file: "numbers/hq.yaml", line: 40, column: 7),
            SourceLocation(file: "numbers/hq.yaml", line: 3, column: 9),
            a,
        ].sorted()
        XCTAssertEqual(sorted.map(\.description), ["numbers/hq.yaml:3:9", "numbers/hq.yaml:40:5", "numbers/hq.yaml:40:7", "sites/b.yaml:1:1"])
    }

    func testSeveritiesAreOrderedAndOverridesReadTheirWords() {
        XCTAssertEqual(Severity.allCases.sorted(), [.info, .warning, .error])
        XCTAssertEqual(SeverityOverride(text: "off"), .off)
        XCTAssertEqual(SeverityOverride(text: "warning"), .severity(.warning))
        XCTAssertNil(SeverityOverride(text: "Warning"), "rule overrides are lower case, as ddi.yaml documents")
        XCTAssertNil(SeverityOverride(text: "fatal"))
    }

    func testPresentationOrderIsPlaceThenRuleThenText() {
        let place = SourceLocation(file: "a.yaml", line: 2, column: 3)
        let diagnostics = [
            Diagnostic(ruleID: "DDI005", severity: .error, message: "b", location: place),
            Diagnostic(ruleID: "DDI003", severity: .warning, message: "z", location: place),
            Diagnostic(ruleID: "DDI005", severity: .error, message: "a", location: place),
            Diagnostic(ruleID: "DDI001", severity: .error, message: "first", location: SourceLocation(file: "a.yaml", line: 1, column: 9)),
        ].sorted(by: Diagnostic.presentationOrder)
        XCTAssertEqual(diagnostics.map { "\($0.ruleID) \($0.message)" }, ["DDI001 first", "DDI003 z", "DDI005 a", "DDI005 b"])
    }
}
