import DDIKit
import XCTest
@testable import DDIPlan

final class RoutingPlannerTests: XCTestCase {
    private func routingFindings(_ plan: Plan) -> [PlanFinding] { plan.findings.filter { $0.kind == .routing } }

    func testMatchingTenantPlansNoRoutingChange() throws {
        let plan = RoutingTenant.plan(snapshot: try RoutingTenant.snapshot())
        XCTAssertEqual(plan.routing.actions, [])
        XCTAssertFalse(plan.hasChanges)
        // The shared voicemail timeout cannot be checked without a groups export: one warning.
        XCTAssertEqual(routingFindings(plan).map(\.severity), [.warning])
        XCTAssertTrue(routingFindings(plan).first?.message.contains("timeout") ?? false)
    }

    func testAgentsCompareWithoutRegardToOrder() throws {
        let snapshot = try RoutingTenant.snapshot(callQueues: RoutingTenant.callQueues(agents: [RoutingTenant.peter, RoutingTenant.anna]))
        XCTAssertEqual(RoutingTenant.plan(snapshot: snapshot).routing.actions, [])
    }

    func testAgentChangeReadsInUPNs() throws {
        let inventory = RoutingTenant.inventory(RoutingTenant.routing(agents: "[anna.jensen@contoso.com, sofie.krogh@contoso.com]"))
        let plan = RoutingTenant.plan(inventory, snapshot: try RoutingTenant.snapshot())
        let action = try XCTUnwrap(plan.routing.actions.first)
        XCTAssertEqual(action.id, "cq-reception")
        XCTAssertEqual(action.type, .callQueue)
        XCTAssertEqual(action.changes.map(\.field), [.agents])
        XCTAssertEqual(action.changes.first?.before.text, "[anna.jensen@contoso.com, peter.holm@contoso.com]")
        XCTAssertEqual(action.changes.first?.after.text, "[anna.jensen@contoso.com, sofie.krogh@contoso.com]")
        XCTAssertEqual(action.changes.first?.after.ids, [RoutingTenant.anna, RoutingTenant.sofie])
        XCTAssertEqual(plan.summary.routingUpdates, 1)
        XCTAssertTrue(plan.hasChanges)
        XCTAssertEqual(plan.exitCode(detailed: true), 2)
    }

    func testOverflowAndAfterHoursChanges() throws {
        let inventory = RoutingTenant.inventory(RoutingTenant.routing(overflow: "external:+4570221599", afterHours: "peter.holm@contoso.com"))
        let plan = RoutingTenant.plan(inventory, snapshot: try RoutingTenant.snapshot())
        let byID = Dictionary(uniqueKeysWithValues: plan.routing.actions.map { ($0.id, $0) })
        let overflow = try XCTUnwrap(byID["cq-reception"]?.changes.first)
        XCTAssertEqual(overflow.field, .overflow)
        XCTAssertEqual(overflow.before.text, "anna.jensen@contoso.com")
        XCTAssertEqual(overflow.after.text, "external:+4570221599")
        XCTAssertEqual(overflow.after.action, "Forward")
        XCTAssertEqual(overflow.after.target, LiveCallTarget(type: .externalPSTN, id: "tel:+4570221599"))
        let afterHours = try XCTUnwrap(byID["aa-main"]?.changes.first)
        XCTAssertEqual(afterHours.field, .afterHours)
        XCTAssertEqual(afterHours.before.text, "external:+4570221500")
        XCTAssertEqual(afterHours.after.text, "peter.holm@contoso.com")
        XCTAssertEqual(afterHours.after.target, LiveCallTarget(type: .user, id: RoutingTenant.peter))
    }

    func testNestedTransferByConfigurationIDEqualsTheResourceAccount() throws {
        let live = try RoutingTenant.snapshot(autoAttendants: RoutingTenant.autoAttendants(
            businessHours: #"{"Id": "0c5e8a21-7f3d-5b94-8e16-2a9d4c7b3e58", "Type": "ConfigurationEndpoint"}"#))
        XCTAssertEqual(RoutingTenant.plan(snapshot: live).routing.actions, [])
    }

    func testUnresolvableSharedVoicemailIsAnErrorOnlyWhenThePlanMustChangeIt() throws {
        // Live: timeout forwards to a user; declared: a group's shared voicemail ddi cannot look up.
        let live = try RoutingTenant.snapshot(callQueues: RoutingTenant.callQueues(
            timeoutAction: "Forward", timeoutTarget: #"{"Id": "e40ace22-ba85-5941-8435-25e1fd3447ea", "Type": "User"}"#))
        let plan = RoutingTenant.plan(snapshot: live)
        XCTAssertEqual(routingFindings(plan).map(\.severity), [.error])
        XCTAssertTrue(plan.hasErrors)
    }

    func testDisabledAgentIsAWarning() throws {
        let inventory = RoutingTenant.inventory(RoutingTenant.routing(agents: "[anna.jensen@contoso.com, bo.nielsen@contoso.com]"))
        let plan = RoutingTenant.plan(inventory, snapshot: try RoutingTenant.snapshot())
        XCTAssertTrue(routingFindings(plan).contains { $0.severity == .warning && $0.message.contains("bo.nielsen@contoso.com has a disabled account") })
    }

    func testAgentMissingFromTheDirectoryIsAWarningAndAgentsAreNotCompared() throws {
        let inventory = RoutingTenant.inventory(RoutingTenant.routing(agents: "[anna.jensen@contoso.com, ghost@contoso.com]"))
        let plan = RoutingTenant.plan(inventory, snapshot: try RoutingTenant.snapshot())
        XCTAssertEqual(plan.routing.actions, [])
        XCTAssertTrue(routingFindings(plan).contains { $0.message.contains("ghost@contoso.com are not in the directory export") })
    }

    func testUndeclaredLiveQueueIsAWarning() throws {
        let routing = RoutingTenant.routing().components(separatedBy: "  - id: cq-reception")[0]
        let plan = RoutingTenant.plan(RoutingTenant.inventory(routing), snapshot: try RoutingTenant.snapshot())
        XCTAssertTrue(routingFindings(plan).contains { $0.message.contains("live call queue cq-reception") && $0.severity == .warning })
    }

    func testResourceAccountNotInTheTenantIsAnError() throws {
        let inventory = RoutingTenant.inventory(RoutingTenant.routing().replacingOccurrences(
            of: "resource_account: cq-reception@contoso.com", with: "resource_account: cq-gone@contoso.com"))
        let plan = RoutingTenant.plan(inventory, snapshot: try RoutingTenant.snapshot())
        XCTAssertTrue(routingFindings(plan).contains { $0.severity == .error && $0.message.contains("cq-gone@contoso.com is not in the tenant") })
    }

    func testQueueMatchedByNameGetsItsResourceAccountAssociated() throws {
        let plan = RoutingTenant.plan(snapshot: try RoutingTenant.snapshot(callQueues: RoutingTenant.callQueues(instances: [])))
        let action = try XCTUnwrap(plan.routing.actions.first)
        XCTAssertEqual(action.changes.map(\.field), [.resourceAccount])
        XCTAssertEqual(action.changes.first?.before.text, "not associated")
        XCTAssertEqual(action.changes.first?.after.text, "cq-reception@contoso.com")
        XCTAssertEqual(action.changes.first?.after.ids, [RoutingTenant.cqAccount])
    }

    func testWithoutExportsOneInfoNoteSaysRoutingWasNotPlanned() throws {
        let plan = RoutingTenant.plan(snapshot: try RoutingTenant.snapshot(autoAttendants: nil, callQueues: nil))
        XCTAssertEqual(routingFindings(plan).map(\.severity), [.info])
        XCTAssertTrue(routingFindings(plan).first?.message.contains("routing was not planned") ?? false)
        XCTAssertEqual(plan.routing.actions, [])
    }

    func testRoutingChangesAreRenderedInWordsInTextMarkdownAndJSON() throws {
        let inventory = RoutingTenant.inventory(RoutingTenant.routing(agents: "[anna.jensen@contoso.com, sofie.krogh@contoso.com]"))
        let plan = RoutingTenant.plan(inventory, snapshot: try RoutingTenant.snapshot())
        let text = PlanTextRenderer.render(plan)
        XCTAssertTrue(text.contains("  ~ update   call-queue     cq-reception  # front-office.yaml:"), text)
        XCTAssertTrue(text.contains("      ~ agents: [anna.jensen@contoso.com, peter.holm@contoso.com] -> [anna.jensen@contoso.com, sofie.krogh@contoso.com]"), text)
        XCTAssertTrue(text.contains("1 routing to update."), text)
        let markdown = PlanMarkdownRenderer.render(plan)
        XCTAssertTrue(markdown.contains("| `cq-reception` | call-queue | `agents` | [anna.jensen@contoso.com, peter.holm@contoso.com] | [anna.jensen@contoso.com, sofie.krogh@contoso.com] |"), markdown)
        let json = try PlanJSONRenderer.encode(plan)
        XCTAssertTrue(json.contains("\"routing\" : ["), json)
        let decoded = try PlanJSONRenderer.decode(Data(json.utf8))
        XCTAssertEqual(decoded.routing, plan.routing, "a saved plan keeps its routing actions")
        XCTAssertEqual(decoded.summary.routingUpdates, 1)
    }

    func testStalePlanComparisonSeesRoutingDifferences() throws {
        let now = RoutingTenant.plan(RoutingTenant.inventory(RoutingTenant.routing(agents: "[anna.jensen@contoso.com]")), snapshot: try RoutingTenant.snapshot())
        XCTAssertEqual(RoutingPlan.differences(saved: now.routing, current: now.routing), [])
        XCTAssertFalse(RoutingPlan.differences(saved: RoutingPlan(), current: now.routing).isEmpty)
    }
}

final class RoutingPlanDocumentTests: XCTestCase {
    func testRoutingJSONFollowsTheSchema() throws {
        let inventory = RoutingTenant.inventory(RoutingTenant.routing(agents: "[anna.jensen@contoso.com, sofie.krogh@contoso.com]",
                                                                     afterHours: "peter.holm@contoso.com"))
        let plan = RoutingTenant.plan(inventory, snapshot: try RoutingTenant.snapshot(callQueues: RoutingTenant.callQueues(instances: [])))
        XCTAssertEqual(plan.routing.actions.flatMap { $0.changes.map(\.field) }, [.afterHours, .resourceAccount, .agents])
        let value = try JSONSerialization.jsonObject(with: Data(try PlanJSONRenderer.render(plan).utf8))
        let schema = try JSONSchemaSubset(path: RepositoryFiles.path("schema/plan.schema.json"))
        XCTAssertEqual(schema.problems(in: value), [])
        var broken = try XCTUnwrap(value as? [String: Any])
        var routing = try XCTUnwrap(broken["routing"] as? [[String: Any]])
        routing[0]["type"] = "fax-machine"
        broken["routing"] = routing
        XCTAssertFalse(schema.problems(in: broken).isEmpty, "unknown routing types are rejected")
    }

    /// The contoso example plans routing (one change or more, a warning, no routing error), and its JSON fits the schema.
    func testContosoExamplePlanHasRoutingAndFitsTheSchema() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path("examples/contoso/expected-plan.json")))
        let schema = try JSONSchemaSubset(path: RepositoryFiles.path("schema/plan.schema.json"))
        XCTAssertEqual(schema.problems(in: try JSONSerialization.jsonObject(with: data)), [])
        let plan = try PlanJSONRenderer.decode(data)
        XCTAssertFalse(plan.routing.actions.isEmpty)
        let routing = plan.findings.filter { $0.kind == .routing }
        XCTAssertTrue(routing.contains { $0.severity == .warning })
        XCTAssertFalse(routing.contains { $0.severity == .error })
    }
}

final class RoutingImportTests: XCTestCase {
    func testImportDeclaresLiveQueuesWhoseResourceAccountHoldsNoNumber() throws {
        // The call queue's resource account holds no number: its entry goes to routing.yaml.
        let numbers = RoutingTenant.numbers.replacingOccurrences(of: "\"AssignedPstnTargetId\": \"\(RoutingTenant.cqAccount)\"",
                                                                with: "\"AssignedPstnTargetId\": \"\(RoutingTenant.anna)\"")
            .replacingOccurrences(of: "\"VoiceApplicationAssigned\",\n       \"AssignedPstnTargetId\": \"\(RoutingTenant.anna)\"",
                                  with: "\"UserAssigned\",\n       \"AssignedPstnTargetId\": \"\(RoutingTenant.anna)\"")
        let snapshot = try SnapshotLoader.read([
            SnapshotSource(path: "numbers.json", bytes: Array(numbers.utf8)),
            SnapshotSource(path: "users.json", bytes: Array(RoutingTenant.users.utf8)),
            SnapshotSource(path: "resource-accounts.json", bytes: Array(RoutingTenant.applicationInstances.utf8)),
            SnapshotSource(path: "auto-attendants.json", bytes: Array(RoutingTenant.autoAttendants().utf8)),
            SnapshotSource(path: "call-queues.json", bytes: Array(RoutingTenant.callQueues().utf8)),
        ])
        let imported = try InventoryImporter.build(snapshot, options: ImportOptions(today: Day(daysSinceEpoch: 0)))
        let routing = try XCTUnwrap(imported.files.first { $0.path == "routing.yaml" }?.text, "\(imported.files.map(\.path))")
        XCTAssertTrue(routing.contains("  - id: cq-reception\n    type: call-queue\n    resource_account: \"cq-reception@contoso.com\"\n    agents: [\"anna.jensen@contoso.com\", \"peter.holm@contoso.com\"]"), routing)
        XCTAssertFalse(routing.contains("ranges:"), routing)
        let loaded = InventoryLoader.load(config: nil, files: imported.files.filter { $0.path != "ddi.yaml" }.map { InventorySourceFile(path: $0.path, text: $0.text) })
        let plan = RoutingTenant.plan(loaded.inventory, snapshot: snapshot)
        XCTAssertEqual(plan.routing.actions, [])
        XCTAssertFalse(plan.findings.contains { $0.kind == .routing && $0.message.contains("declared by no routing entry") }, "\(plan.findings)")
    }
}
