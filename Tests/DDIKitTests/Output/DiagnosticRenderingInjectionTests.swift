@testable import DDIKit
import XCTest

final class DiagnosticRenderingInjectionTests: XCTestCase {
    static let hostileFile = "numbers/front\u{1B}[31m\n::error file=x::Approved,office.yaml"

    /// A file whose name and values carry an escape sequence and a forged annotation.
    func hostileReport() throws -> ValidationReport {
        let text = """
        numbers:
          - number: "+4533121042"
            status: "assigned\\e[31m\\n::error file=x::Approved"
            owner: "Front Office\\e[31m\\n::error file=x::Approved"

        """
        let loaded = InventoryLoader.load(
            config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"),
            files: [InventorySourceFile(path: Self.hostileFile, text: text)]
        )
        let report = Validator.validate(loaded, today: try XCTUnwrap(Day(iso: "2026-06-01")))
        XCTAssertTrue(report.diagnostics.contains { $0.message.contains("\u{1B}") }, "the test needs a message that quotes the value: \(report.diagnostics)")
        return report
    }

    func testTextKeepsEachDiagnosticOnItsLine() throws {
        let report = try hostileReport()
        let text = DiagnosticRenderer().text(report)
        XCTAssertFalse(text.unicodeScalars.contains("\u{1B}"), text)
        XCTAssertEqual(text.split(separator: "\n").count, report.diagnostics.count + 1, text)
        XCTAssertTrue(text.hasPrefix("numbers/front\\u{1B}[31m\\n::error file=x::Approved,office.yaml:"), text)
    }

    func testGithubAnnotationsArePercentEscaped() throws {
        let report = try hostileReport()
        let github = DiagnosticRenderer(pathPrefix: "inventory/").github(report)
        XCTAssertFalse(github.unicodeScalars.contains("\u{1B}"), github)
        let lines = github.split(separator: "\n")
        XCTAssertEqual(lines.count, report.diagnostics.count + 1, github)
        let own = #"^::(error|warning|notice) file=inventory/numbers/front\\u\{1B\}\[31m%0A%3A%3Aerror file=x%3A%3AApproved%2Coffice\.yaml,line=[0-9]+,col=[0-9]+,title=DDI[0-9]+::[^\n]*$"#
        for line in lines.dropLast() {
            XCTAssertNotNil(line.range(of: own, options: .regularExpression), "not ddi's own annotation: \(line)")
            XCTAssertFalse(String(line.split(separator: "::", maxSplits: 2).last ?? "").contains("\n"))
        }
        XCTAssertTrue(github.contains("%0A::error file=x::Approved"), "the message's line break is percent-encoded: \(github)")
    }

    func testGithubEscapesTheTitleToo() {
        let diagnostic = Diagnostic(ruleID: "DDI001,x:y", severity: .warning, message: "100% sure", location: SourceLocation(file: "a.yaml", line: 1, column: 2))
        let github = DiagnosticRenderer().github(ValidationReport(diagnostics: [diagnostic], fileCount: 1))
        XCTAssertTrue(github.hasPrefix("::warning file=a.yaml,line=1,col=2,title=DDI001%2Cx%3Ay::100%25 sure\n"), github)
    }
}
