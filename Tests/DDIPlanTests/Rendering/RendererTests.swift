import DDIKit
import XCTest
@testable import DDIPlan

final class RendererTests: XCTestCase {
    private func samplePlan() -> Plan {
        let inventory = Declared.inventory("numbers:\n"
            + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com", extra: "    tags: [sales]")
            + Declared.assigned("+4533121043", to: "anna.jensen@contoso.com", extra: "    category: private")
            + Declared.assigned("+4533121044", to: "peter.holm@contoso.com")
            + "  - number: \"+4533121045\"\n    status: quarantine\n    since: 2026-11-01\n"
            + "  - number: \"+4533121046\"\n    status: external\n    owner: facilities\n")
        let snapshot = Live.snapshot([
            Live.number("+4533121042"),
            Live.number("+4533121043", status: .userAssigned, target: "id-anna", category: .primary),
            Live.number("+4533121044", status: .userAssigned, target: "id-anna", category: .private),
            Live.number("+4533121045", status: .userAssigned, target: "id-bo"),
            Live.number("+4533121046", status: .userAssigned, target: "id-peter"),
            Live.number("+4533121050", status: .userAssigned, target: "id-bo"),
        ])
        return plan(inventory, snapshot)
    }

    func testTextNamesEveryActionWithItsPlace() {
        let text = PlanTextRenderer.render(samplePlan())
        XCTAssertTrue(text.contains("  + assign   +4533121042  to anna.jensen@contoso.com  # numbers.yaml:16"), text)
        XCTAssertTrue(text.contains("  ~ update   +4533121043  anna.jensen@contoso.com  # numbers.yaml:"), text)
        XCTAssertTrue(text.contains("  ± reassign +4533121044  from anna.jensen@contoso.com to peter.holm@contoso.com  # numbers.yaml:"), text)
        XCTAssertTrue(text.contains("  - unassign +4533121045  from bo.nielsen@contoso.com  # numbers.yaml:"), text)
        XCTAssertTrue(text.contains("  ! error   external-conflict"), text)
        XCTAssertTrue(text.contains("numbers.json record 1"), "an undeclared number names its live record:\n\(text)")
        XCTAssertTrue(text.hasSuffix("Plan: 1 to assign, 1 to update, 1 to reassign, 1 to unassign. Findings: 1 error, 2 warnings, 0 info.\n"), text)
    }

    func testNoChanges() {
        let empty = plan(Declared.inventory("numbers: []\n"), Live.snapshot([]))
        XCTAssertTrue(PlanTextRenderer.render(empty).contains("No changes."))
        XCTAssertTrue(PlanMarkdownRenderer.render(empty).contains("**No changes.**"))
    }

    func testMarkdownGroupsActionsAndEscapesCells() {
        var plan = samplePlan()
        plan.findings[0].message = "a | b <script> `x`\nnext"
        let markdown = PlanMarkdownRenderer.render(plan)
        XCTAssertTrue(markdown.contains("| `+` assign | 1 |"))
        for title in ["➕ Assign (1)", "🔄 Update (1)", "🔀 Reassign (1)", "➖ Unassign (1)"] {
            XCTAssertTrue(markdown.contains(title), title)
        }
        XCTAssertTrue(markdown.contains("a \\| b &lt;script&gt; `x`\\nnext"), markdown)
        XCTAssertTrue(markdown.contains("> [!CAUTION]"))
    }

    func testControlCharactersCannotBreakTheTerminal() {
        var plan = samplePlan()
        plan.actions[0].target.upn = "evil\u{1B}[31m\nname"
        let text = PlanTextRenderer.render(plan)
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertTrue(text.contains("evil\\u{1B}[31m\\nname"), text)
    }

    func testJSONFollowsTheSchema() throws {
        let json = try PlanJSONRenderer.render(samplePlan())
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let schema = try JSONSchemaSubset(path: RepositoryFiles.path("schema/plan.schema.json"))
        XCTAssertEqual(schema.problems(in: value), [])
        var broken = try XCTUnwrap(value as? [String: Any])
        broken["surprise"] = 1
        XCTAssertFalse(schema.problems(in: broken).isEmpty, "additional properties are rejected")
        var actions = try XCTUnwrap(broken["actions"] as? [[String: Any]])
        actions[0]["kind"] = "explode"
        broken = try XCTUnwrap(value as? [String: Any])
        broken["actions"] = actions
        XCTAssertFalse(schema.problems(in: broken).isEmpty, "unknown action kinds are rejected")
    }
}

enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
