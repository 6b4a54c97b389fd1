import DDIKit
import DDIPlan
import DDITestSupport
import XCTest
@testable import DDIApply

/// Issue 13's "Done when": import (numbers + routing) plans no changes; editing the declared agents,
/// overflow target and after-hours target plans exactly those three; the PowerShell steps for them
/// are checked line by line; a re-plan against the export as those steps leave it plans nothing.
final class RoutingRoundTripTests: XCTestCase {
    typealias Tenant = RoutingTenantExports
    static let checksum = "sha256:" + String(repeating: "e", count: 64)
    let today = Day(iso: "2026-11-30") ?? Day(daysSinceEpoch: 0)

    static func snapshot(autoAttendants: String = Tenant.autoAttendants(), callQueues: String = Tenant.callQueues()) throws -> LiveSnapshot {
        try SnapshotLoader.read([
            SnapshotSource(path: "numbers.json", bytes: Array(Tenant.numbers.utf8)),
            SnapshotSource(path: "users.json", bytes: Array(Tenant.users.utf8)),
            SnapshotSource(path: "resource-accounts.json", bytes: Array(Tenant.applicationInstances.utf8)),
            SnapshotSource(path: "auto-attendants.json", bytes: Array(autoAttendants.utf8)),
            SnapshotSource(path: "call-queues.json", bytes: Array(callQueues.utf8)),
        ])
    }

    static func plan(_ files: [(path: String, text: String)], _ snapshot: LiveSnapshot) -> Plan {
        let config = files.first { $0.path == "ddi.yaml" }.map { InventorySourceFile(path: $0.path, bytes: Array($0.text.utf8)) }
        let inventory = files.filter { $0.path != "ddi.yaml" }.map { InventorySourceFile(path: $0.path, bytes: Array($0.text.utf8)) }
        let loaded = InventoryLoader.load(config: config, files: inventory)
        return Planner.plan(inventory: loaded.inventory, snapshot: snapshot,
                            inputs: PlanInputs(declared: .init(contentSHA256: "sha256:0", files: inventory.count), live: snapshot.files))
    }

    func testImportEditApplyReplan() throws {
        // 1. Import plans nothing, routing included.
        let live = try Self.snapshot()
        let imported = try InventoryImporter.build(live, options: ImportOptions(tenant: "contoso.onmicrosoft.com", today: today)).files
        let fresh = Self.plan(imported, live)
        XCTAssertFalse(fresh.hasChanges, "\(fresh.actions) \(fresh.routing.actions)")
        XCTAssertFalse(fresh.hasErrors, "\(fresh.findings)")
        let dk = try XCTUnwrap(imported.first { $0.path == "dk.yaml" }?.text)
        XCTAssertTrue(dk.contains("    agents: [\"anna.jensen@contoso.com\", \"peter.holm@contoso.com\"]"), dk)
        XCTAssertTrue(dk.contains("    overflow: \"anna.jensen@contoso.com\""), dk)
        XCTAssertTrue(dk.contains("    business_hours: \"cq-reception\""), dk)
        XCTAssertTrue(dk.contains("    after_hours: \"external:+4570221500\""), dk)
        XCTAssertFalse(dk.contains("timeout:"), "a shared voicemail has no declared form without a groups export:\n\(dk)")

        // 2. Edit agents, overflow and after-hours target: exactly those three fields change.
        let edited = imported.map { file in
            (path: file.path, text: file.text
                .replacingOccurrences(of: "agents: [\"anna.jensen@contoso.com\", \"peter.holm@contoso.com\"]",
                                      with: "agents: [\"anna.jensen@contoso.com\", \"peter.holm@contoso.com\", \"sofie.krogh@contoso.com\"]")
                .replacingOccurrences(of: "overflow: \"anna.jensen@contoso.com\"", with: "overflow: \"external:+4570221599\"")
                .replacingOccurrences(of: "after_hours: \"external:+4570221500\"", with: "after_hours: \"peter.holm@contoso.com\""))
        }
        let plan = Self.plan(edited, live)
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.routing.actions.map(\.id), ["aa-main", "cq-reception"])
        XCTAssertEqual(plan.routing.actions.flatMap { $0.changes.map(\.field) }, [.afterHours, .agents, .overflow])
        XCTAssertEqual(plan.summary.routingUpdates, 2)

        // 3. The PowerShell steps, line by line.
        let script = try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum)
        let lines = script.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: "# step 1: update auto attendant aa-main: after_hours"), script)
        let sorted = [Tenant.anna, Tenant.peter, Tenant.sofie].sorted().joined(separator: ",")
        let before = [Tenant.anna, Tenant.peter].sorted().joined(separator: ",")
        let changed = "'ddi: cq-reception: the tenant changed since the plan (\(ApplyStep.changedAdvice))'"
        let changedAA = "'ddi: aa-main: the tenant changed since the plan (\(ApplyStep.changedAdvice))'"
        XCTAssertEqual(Array(lines[start...]), [
            "# step 1: update auto attendant aa-main: after_hours",
            "Write-Host ('[{0}/{1}] ' -f 1, $total) -NoNewline; Write-Host 'update auto attendant aa-main: after_hours'",
            "$attendant = Get-CsAutoAttendant -Identity '\(Tenant.aaID)'",
            "$option = Get-DdiAutomaticOption (Get-DdiAfterHoursFlow $attendant)",
            "if ($null -eq $option) { throw \(changedAA) }",
            "if (-not (([string]$option.Action -eq 'TransferCallToTarget' -and (Get-DdiValue $option.CallTarget 'Id') -eq '\(Tenant.peter)') -or ([string]$option.Action -eq 'TransferCallToTarget' -and (Get-DdiValue $option.CallTarget 'Id') -eq 'tel:+4570221500'))) { throw \(changedAA) }",
            "if ([string]$option.Action -eq 'TransferCallToTarget' -and (Get-DdiValue $option.CallTarget 'Id') -eq '\(Tenant.peter)') { Write-Host '  already done' } else {",
            "    $option.Action = 'TransferCallToTarget'",
            "    $option.CallTarget = New-CsAutoAttendantCallableEntity -Identity '\(Tenant.peter)' -Type 'User'",
            "    Set-CsAutoAttendant -Instance $attendant",
            "}",
            "",
            "# step 2: update call queue cq-reception: agents, overflow",
            "Write-Host ('[{0}/{1}] ' -f 2, $total) -NoNewline; Write-Host 'update call queue cq-reception: agents, overflow'",
            "$queue = Get-CsCallQueue -Identity '\(Tenant.cqID)'",
            "if (-not ((((Get-DdiAgents $queue) -eq '\(sorted)') -or ((Get-DdiAgents $queue) -eq '\(before)')) -and (([string]$queue.OverflowAction -eq 'Forward' -and (Get-DdiValue $queue.OverflowActionTarget 'Id') -eq 'tel:+4570221599') -or ([string]$queue.OverflowAction -eq 'Forward' -and (Get-DdiValue $queue.OverflowActionTarget 'Id') -eq '\(Tenant.anna)')))) { throw \(changed) }",
            "if (((Get-DdiAgents $queue) -eq '\(sorted)') -and ([string]$queue.OverflowAction -eq 'Forward' -and (Get-DdiValue $queue.OverflowActionTarget 'Id') -eq 'tel:+4570221599')) { Write-Host '  already done' } else { Set-CsCallQueue -Identity '\(Tenant.cqID)' -Users @('\(Tenant.anna)', '\(Tenant.peter)', '\(Tenant.sofie)') -OverflowAction 'Forward' -OverflowActionTarget 'tel:+4570221599' }",
            "",
            "Write-Host 'ddi: all 2 steps done'",
            "",
        ])
        XCTAssertTrue(lines.contains("$total = 2"))
        XCTAssertTrue(lines.contains("function Get-DdiAgents($Queue) {"))

        // 4. The tenant as those steps leave it plans nothing.
        let after = try Self.snapshot(
            autoAttendants: Tenant.autoAttendants(afterHours: #"{"Id": "\#(Tenant.peter)", "Type": "User"}"#),
            callQueues: Tenant.callQueues(agents: [Tenant.anna, Tenant.peter, Tenant.sofie],
                                          overflowTarget: #"{"Id": "tel:+4570221599", "Type": "ExternalPstn"}"#))
        let replan = Self.plan(edited, after)
        XCTAssertFalse(replan.hasChanges, "\(replan.routing.actions)")
    }
}
