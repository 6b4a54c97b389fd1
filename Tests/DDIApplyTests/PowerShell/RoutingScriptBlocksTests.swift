import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

final class RoutingScriptBlocksTests: XCTestCase {
    static let checksum = "sha256:" + String(repeating: "f", count: 64)
    static let queueID = "0c5e8a21-7f3d-5b94-8e16-2a9d4c7b3e58"
    static let account = "5644a36f-5591-52ee-abd8-5a487f3f690c"

    static func plan(_ action: RoutingAction) -> Plan {
        var plan = Plan(tenant: nil, inputs: PlanInputs(declared: .init(contentSHA256: "sha256:0", files: 1), live: []),
                        actions: [], findings: [], summary: PlanSummary())
        plan.routing = RoutingPlan(actions: [action])
        plan.summary.routingUpdates = 1
        return plan
    }

    static func queueAction(configurationID: String = queueID, target: String = "tel:+4570221599", action: String = "Forward") -> RoutingAction {
        RoutingAction(type: .callQueue, id: "cq-reception", configurationID: configurationID, name: "Reception",
                      changes: [RoutingChange(field: .timeout, before: RoutingValue(text: "Disconnect", action: "Disconnect"),
                                              after: RoutingValue(text: "external:+4570221599", action: action,
                                                                  target: LiveCallTarget(type: .externalPSTN, id: target)))],
                      declaredAt: SourceLocation(file: "routing.yaml", line: 3, column: 5))
    }

    func testAssociationStepIsIdempotent() throws {
        let action = RoutingAction(type: .callQueue, id: "cq-reception", configurationID: Self.queueID, name: "Reception",
                                   changes: [RoutingChange(field: .resourceAccount, before: RoutingValue(text: "not associated"),
                                                           after: RoutingValue(text: "cq-reception@contoso.com", ids: [Self.account]))],
                                   declaredAt: SourceLocation(file: "routing.yaml", line: 3, column: 5))
        let script = try PowerShellScriptWriter.script(for: Self.plan(action), checksum: Self.checksum)
        XCTAssertTrue(script.contains("$config = Get-CsCallQueue -Identity '\(Self.queueID)'\nif (@(@($config.ApplicationInstances) | ForEach-Object { ([string]$_).ToLowerInvariant() }) -contains '\(Self.account)') { Write-Host '  already done' } else { New-CsOnlineApplicationInstanceAssociation -Identities @('\(Self.account)') -ConfigurationId '\(Self.queueID)' -ConfigurationType 'CallQueue' }"), script)
    }

    func testTimeoutStepSetsActionAndTarget() throws {
        let script = try PowerShellScriptWriter.script(for: Self.plan(Self.queueAction()), checksum: Self.checksum)
        XCTAssertTrue(script.contains("Set-CsCallQueue -Identity '\(Self.queueID)' -TimeoutAction 'Forward' -TimeoutActionTarget 'tel:+4570221599'"), script)
        XCTAssertTrue(script.contains("[string]$queue.TimeoutAction -eq 'Disconnect'"), "the planned before state is checked:\n\(script)")
    }

    func testHostileConfigurationIDIsRefusedBeforeAnythingIsWritten() {
        let hostile = Self.queueAction(configurationID: "x'; Remove-CsCallQueue -Identity (Get-CsCallQueue).Identity; '")
        XCTAssertThrowsError(try PowerShellScriptWriter.script(for: Self.plan(hostile), checksum: Self.checksum)) { error in
            XCTAssertTrue("\(error)".contains("configuration id"), "\(error)")
        }
    }

    func testRoutingIDOutsideTheInventoryShapeIsRefused() {
        var action = Self.queueAction()
        action.id = "cq\nRemove-CsCallQueue -Identity x"
        XCTAssertThrowsError(try PowerShellScriptWriter.script(for: Self.plan(action), checksum: Self.checksum)) { error in
            XCTAssertTrue("\(error)".contains("routing id"), "\(error)")
        }
    }

    func testHostileTargetAndActionAreRefused() {
        XCTAssertThrowsError(try PowerShellScriptWriter.script(for: Self.plan(Self.queueAction(target: "tel:+45'$(calc)'")), checksum: Self.checksum))
        XCTAssertThrowsError(try PowerShellScriptWriter.script(for: Self.plan(Self.queueAction(action: "Forward' -Name 'x")), checksum: Self.checksum))
    }

    func testGraphRefusesRoutingBeforeSendingAnything() {
        let context = ApplyContext(root: NSTemporaryDirectory(), checksum: Self.checksum, live: [])
        XCTAssertThrowsError(try ApplyRun.carryOut(Self.plan(Self.queueAction()), with: GraphProvider.self, context: context)) { error in
            XCTAssertTrue("\(error)".contains("--provider powershell"), "\(error)")
            XCTAssertTrue("\(error)".contains("Nothing was sent"), "\(error)")
        }
    }

    func testPowerShellProviderWritesRoutingSteps() throws {
        let path = NSTemporaryDirectory() + "ddi-routing-\(UUID().uuidString).ps1"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let context = ApplyContext(root: NSTemporaryDirectory(), checksum: Self.checksum, live: [], output: path)
        let report = try ApplyRun.carryOut(Self.plan(Self.queueAction()), with: PowerShellProvider.self, context: context)
        XCTAssertEqual(report.summary, "Wrote \(path): 1 step for 1 change. \(PowerShellProvider.nextStep)")
        let script = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(script.contains("Set-CsCallQueue -Identity '\(Self.queueID)'"), script)
    }
}
