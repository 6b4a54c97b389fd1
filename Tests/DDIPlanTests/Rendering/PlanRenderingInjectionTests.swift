import DDIKit
import XCTest
@testable import DDIPlan

/// Inventory and snapshot text an attacker controls must reach neither the terminal nor a CI log raw.
final class PlanRenderingInjectionTests: XCTestCase {
    static let hostile = "Front Office\u{1B}[31m\n::error file=x::Approved"
    static let escaped = "Front Office\\u{1B}[31m\\n::error file=x::Approved"
    static let yaml = "\"Front Office\\e[31m\\n::error file=x::Approved\""

    private func hostilePlan() -> Plan {
        let inventory = Declared.inventory("numbers:\n"
            + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com", extra: "    tags: [\(Self.yaml)]\n    note: \(Self.yaml)")
            + Declared.assigned("+4533121043", to: "evil@contoso.com", extra: "    owner: \(Self.yaml)"))
        let evil = DirectoryAccount(objectID: "id-evil", upn: "evil\u{1B}[31m\n::error file=x::Approved@contoso.com", kind: .user, enabled: false,
                                    origin: RecordOrigin(file: "users\u{1B}[31m.json", record: 1))
        let snapshot = Live.snapshot([
            Live.number("+4533121042", status: .userAssigned, target: "id-anna", tags: ["old\u{1B}]0;title\u{07}"]),
            Live.number("+4533121043", status: .userAssigned, target: "id-evil"),
            Live.number("+4533121050", status: .userAssigned, target: "id-evil"),
        ], accounts: Live.accounts + [evil])
        var plan = plan(inventory, snapshot)
        plan.tenant = Self.hostile
        return plan
    }

    static func assertHarmless(_ output: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" }, "a control character reaches the output:\n\(output)", file: file, line: line)
        for text in output.split(separator: "\n") where text.hasPrefix("::") {
            XCTFail("a forged workflow command: \(text)", file: file, line: line)
        }
    }

    func testTextEscapesInventoryAndSnapshotValues() {
        let plan = hostilePlan()
        XCTAssertFalse(plan.actions.isEmpty)
        let text = PlanTextRenderer.render(plan)
        Self.assertHarmless(text)
        XCTAssertTrue(text.contains("ddi plan for \(Self.escaped)"), text)
        XCTAssertTrue(text.contains("[\(Self.escaped)]"), "the declared tag, escaped:\n\(text)")
        XCTAssertTrue(text.contains("old\\u{1B}]0;title\\u{7}"), "the live tag, escaped:\n\(text)")
    }

    func testMarkdownEscapesInventoryAndSnapshotValues() {
        let markdown = PlanMarkdownRenderer.render(hostilePlan())
        Self.assertHarmless(markdown)
        XCTAssertTrue(markdown.contains(Self.escaped), markdown)
    }

    func testActionsAndFindingsFromAHostileAccountStayOnTheirLines() {
        var plan = hostilePlan()
        plan.findings = plan.findings.map { finding in
            var finding = finding
            finding.message += Self.hostile
            return finding
        }
        XCTAssertFalse(plan.findings.isEmpty)
        for output in [PlanTextRenderer.render(plan), PlanMarkdownRenderer.render(plan)] {
            Self.assertHarmless(output)
        }
    }
}
