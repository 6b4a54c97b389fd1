import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// The new facts of a plan (issue 11) in text, markdown and JSON: the target's kind, the quarantine
/// block, the location's description, a category change done as unassign + assign, check ids (JSON).
final class PlanRenderingTeamsFactsTests: XCTestCase {
    private let lis = LiveLocation(locationID: Documented.omahaLocation, description: "Omaha HQ", city: "Omaha",
                                   origin: RecordOrigin(file: "locations.json", record: 1))

    private func factsPlan() -> Plan {
        let inventory = Documented.inventory("""
          - number: "+14025551234"
            status: quarantine
            since: 2026-11-17
          - number: "+14025551235"
            status: assigned
            kind: auto-attendant
            assigned_to: aa1@contoso.com
            owner: Front Office
            routing: aa1
          - number: "+14025551236"
            status: assigned
            kind: user
            assigned_to: user1@contoso.com
            owner: user1@contoso.com
            category: private
          - number: "+14025551237"
            status: assigned
            kind: conference
            assigned_to: conference-bridge@contoso.com
            owner: IT
          - number: "+12065551001"
            status: assigned
            kind: user
            assigned_to: user2@contoso.com
            owner: user2@contoso.com
            location_id: none

        """)
        let numbers = [
            Documented.omaha(),
            Documented.omaha(status: .unassigned, number: "+14025551235"),
            Documented.omaha(number: "+14025551236"),
            Documented.omaha(status: .unassigned, number: "+14025551237"),
            Documented.seattle(number: "+12065551001", management: .online, location: Documented.omahaLocation),
        ]
        var plan = Documented.plan(inventory, numbers, locations: [lis],
                                   notes: [SnapshotNote(severity: .warning, file: "numbers.json", message: "exactly 500 records")])
        plan.findings.append(PlanFinding(kind: .preflight, severity: .error, number: "+14025551235", message: "no licence",
                                         declaredAt: nil, live: nil, checkID: "PF002"))
        return plan
    }

    func testPlanHasEveryFact() {
        let plan = factsPlan()
        XCTAssertEqual(plan.actions.map(\.kind), [.update, .unassign, .assign, .update, .assign])
        XCTAssertEqual(plan.actions.map(\.target.kind), [.user, .user, .resourceAccount, .user, .conferenceBridge])
    }

    func testTextShowsTheFacts() {
        let text = PlanTextRenderer.render(factsPlan())
        XCTAssertTrue(text.contains("+ assignment block: 80 days"), text)
        XCTAssertTrue(text.contains("to aa1@contoso.com (resource account)"), text)
        XCTAssertTrue(text.contains("to conference-bridge@contoso.com (audio conferencing bridge)"), text)
        XCTAssertTrue(text.contains("~ location_id: \(Documented.omahaLocation) (Omaha HQ, Omaha) -> none"), text)
        XCTAssertTrue(text.contains("~ category:    primary -> private\n        (Teams documents -AssignmentCategory only when a number is assigned"), text)
        XCTAssertTrue(text.contains("numbers.json: exactly 500 records"), text)
    }

    func testMarkdownShowsTheFacts() {
        let markdown = PlanMarkdownRenderer.render(factsPlan())
        XCTAssertTrue(markdown.contains("| 80 days |"), markdown)
        XCTAssertTrue(markdown.contains("aa1@contoso.com (resource account)"), markdown)
        XCTAssertTrue(markdown.contains("(Omaha HQ, Omaha) → –"), markdown)
        XCTAssertTrue(markdown.contains("unassigning the number and assigning it again"), markdown)
    }

    func testJSONCarriesTheFactsAndFollowsTheSchema() throws {
        let plan = factsPlan()
        let json = try PlanJSONRenderer.render(plan)
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let schema = try JSONSchemaSubset(path: RepositoryFiles.path("schema/plan.schema.json"))
        XCTAssertEqual(schema.problems(in: value), [])
        let document = try XCTUnwrap(value as? [String: Any])
        let actions = try XCTUnwrap(document["actions"] as? [[String: Any]])
        XCTAssertEqual(actions[1]["assignment_block_days"] as? Int, 80)
        XCTAssertEqual((actions[2]["target"] as? [String: Any])?["kind"] as? String, "resource-account")
        XCTAssertEqual((actions[0]["before"] as? [String: Any])?["location_description"] as? String, "Omaha HQ, Omaha")
        let findings = try XCTUnwrap(document["findings"] as? [[String: Any]])
        XCTAssertTrue(findings.contains { $0["check_id"] as? String == "PF002" })
        XCTAssertTrue(findings.contains { $0["number"] as? String == "" && $0["kind"] as? String == "snapshot" })
        // Back from JSON: nothing is lost.
        XCTAssertEqual(try PlanJSONRenderer.decode(Data(json.utf8)), plan)
    }

    func testADocumentWithoutTheNewFieldsStillReads() throws {
        var document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try PlanJSONRenderer.render(factsPlan()).utf8)) as? [String: Any])
        var actions = try XCTUnwrap(document["actions"] as? [[String: Any]])
        for index in actions.indices {
            actions[index]["assignment_block_days"] = nil
            actions[index]["location_description"] = nil
            var target = try XCTUnwrap(actions[index]["target"] as? [String: Any])
            target["kind"] = nil
            actions[index]["target"] = target
        }
        document["actions"] = actions
        let plan = try PlanJSONRenderer.decode(try JSONSerialization.data(withJSONObject: document))
        XCTAssertEqual(plan.actions.map(\.target.kind), Array(repeating: .user, count: 5))
        XCTAssertEqual(plan.actions.compactMap(\.assignmentBlockDays), [])
    }
}
