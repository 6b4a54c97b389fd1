import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// Preflight findings in the three plan formats: grouped by check with number, identity and fix;
/// escaped for where they go; and carried through the JSON document and its schema.
final class PlanPreflightRenderingTests: XCTestCase {
    static let hostile = "eve\u{1B}[31m\n::error file=x::Approved|`x`@contoso.com"

    func samplePlan() -> Plan {
        var summary = PlanSummary()
        summary.errors = 2
        summary.infos = 1
        let findings = [
            PlanFinding(kind: .preflight, severity: .error, number: "+14025551240", message: "megan.bowen@tailspintoys.com has no Calling Plan licence",
                        declaredAt: SourceLocation(file: "sites/omaha.yaml", line: 20, column: 5), live: nil,
                        checkID: "PF003", identity: "megan.bowen@tailspintoys.com", fix: "assign a Calling Plan licence"),
            PlanFinding(kind: .preflight, severity: .error, number: "+14025551241", message: "no Teams Phone for \(Self.hostile)",
                        declaredAt: SourceLocation(file: "sites/omaha.yaml", line: 28, column: 5), live: nil,
                        checkID: "PF002", identity: Self.hostile, fix: "assign Teams Phone to \(Self.hostile)"),
            PlanFinding(kind: .preflight, severity: .info, number: "+12065551020", message: "not checked: the export lacks the accounts' licences (service plans)",
                        declaredAt: nil, live: nil, checkID: "PF003", identity: nil, fix: "export what is missing"),
            PlanFinding(kind: .undeclared, severity: .warning, number: "+12065551099", message: "a ghost", declaredAt: nil,
                        live: RecordOrigin(file: "live/phone-numbers.json", record: 3)),
        ]
        return Plan(tenant: "tailspintoys.onmicrosoft.com", inputs: testInputs, actions: [], findings: findings, summary: summary)
    }

    func testTextGroupsByCheckWithNumberIdentityPlaceAndFix() {
        let text = PlanTextRenderer.render(samplePlan())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let section = try? XCTUnwrap(lines.firstIndex { $0.hasPrefix("Preflight checks") })
        XCTAssertNotNil(section, text)
        let pf002 = lines.firstIndex { $0.hasPrefix("  PF002 ") } ?? -1
        let pf003 = lines.firstIndex { $0.hasPrefix("  PF003 Calling Plan licence for a Calling Plan number (1 error, 1 info)") } ?? -1
        XCTAssertTrue(pf002 > 0 && pf003 > pf002, "grouped by check, in ID order:\n\(text)")
        XCTAssertTrue(text.contains("  ! error   +14025551240  megan.bowen@tailspintoys.com  sites/omaha.yaml:20"), text)
        XCTAssertTrue(text.contains("      fix: assign a Calling Plan licence"), text)
        XCTAssertFalse(lines.contains { $0.hasPrefix("  ! error   preflight") }, "not repeated in the general findings list")
        XCTAssertTrue(text.contains(" undeclared "), "other findings stay where they were")
        XCTAssertFalse(text.contains("\u{1B}"), "no raw escape reaches the terminal")
        XCTAssertFalse(lines.contains { $0.hasPrefix("::error") }, "no forged workflow command")
    }

    func testMarkdownGroupsByCheckAndEscapesCells() {
        let markdown = PlanMarkdownRenderer.render(samplePlan())
        XCTAssertTrue(markdown.contains("#### Preflight checks"))
        XCTAssertTrue(markdown.contains("<b>PF003 Calling Plan licence for a Calling Plan number</b> (1 error, 1 info)"), markdown)
        XCTAssertTrue(markdown.contains("| severity | number | identity | where | details | fix |"))
        let hostileRows = markdown.split(separator: "\n").filter { $0.contains("+14025551241") }
        XCTAssertEqual(hostileRows.count, 1, "the identity cannot break the row")
        let unescaped = hostileRows.first.map { String($0).replacingOccurrences(of: "\\|", with: "") }
        XCTAssertEqual(unescaped?.filter { $0 == "|" }.count, 7, "an identity's | is escaped: \(hostileRows)")
    }

    func testJSONCarriesCheckIDIdentityAndFixMatchesTheSchemaAndReadsBack() throws {
        let plan = samplePlan()
        let json = try PlanJSONRenderer.encode(plan)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.first?["check_id"] as? String, "PF003")
        XCTAssertEqual(findings.first?["identity"] as? String, "megan.bowen@tailspintoys.com")
        XCTAssertNil(findings.last?["check_id"], "other findings keep their shape")
        let schema = try JSONSchemaSubset(path: RepositoryFiles.path("schema/plan.schema.json"))
        XCTAssertEqual(schema.problems(in: object), [])
        XCTAssertEqual(try PlanJSONRenderer.decode(Data(json.utf8)).findings, plan.findings)
    }
}
