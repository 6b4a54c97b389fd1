import DDIKit
import XCTest
@testable import DDIPlan

/// Issue 11 item 10 (import side): shared-calling numbers are imported as `kind: shared-calling` and
/// never abort the import; resource accounts become auto attendants / call queues by their
/// ApplicationId, whichever export listed them; conference numbers become `kind: conference`.
final class ImportIdentityKindsTests: XCTestCase {
    let today = Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0)

    func testPolicyResourceAndConferenceNumbersImportAndPlanNothing() throws {
        // Get-CsOnlineUser lists the call queue's resource account (AccountType ResourceAccount,
        // AccountEnabled False) and Teams holds its number as UserAssigned on an older tenant.
        let cq = DirectoryAccount(objectID: "id-cq", upn: "cq-sales@contoso.com", kind: .user, enabled: false, accountType: "ResourceAccount",
                                  applicationID: TeamsApplication.callQueue, origin: RecordOrigin(file: "users.json", record: 9))
        let snapshot = Live.snapshot([
            Live.number("+4533121000", status: .voiceApplicationAssigned, target: "id-aa", tags: ["switchboard"]),
            Live.number("+4533121001", status: .userAssigned, target: "id-cq"),
            Live.number("+4533121010", status: .conferenceAssigned, target: "bridge"),
            Live.number("+4533121020", status: .policyAssigned, target: Documented.sharedCallingTarget),
            Live.number("+4533121021", status: .policyAssigned, target: Documented.sharedCallingTarget),
            Live.number("+4533121042", status: .userAssigned, target: "id-anna"),
        ], accounts: Live.accounts + [cq])
        let imported = try InventoryImporter.build(snapshot, options: ImportOptions(tenant: "contoso.onmicrosoft.com", today: today))
        let dk = try XCTUnwrap(imported.files.first { $0.path == "dk.yaml" }?.text)
        XCTAssertTrue(dk.contains("kind: shared-calling\n    assigned_to: \"TeamsSharedCallingRoutingPolicy|Tag:SC1\""), dk)
        XCTAssertTrue(dk.contains("kind: call-queue\n    assigned_to: \"cq-sales@contoso.com\""), dk)
        XCTAssertTrue(dk.contains("kind: auto-attendant\n    assigned_to: \"aa-main@contoso.com\""), dk)
        XCTAssertTrue(dk.contains("kind: conference\n    assigned_to: \"conference-bridge@contoso.com\""), dk)

        let config = imported.files.first { $0.path == "ddi.yaml" }.map { InventorySourceFile(path: $0.path, text: $0.text) }
        let files = imported.files.filter { $0.path != "ddi.yaml" }.map { InventorySourceFile(path: $0.path, text: $0.text) }
        let loaded = InventoryLoader.load(config: config, files: files)
        let report = Validator.validate(loaded, today: today)
        XCTAssertFalse(report.hasErrors, DiagnosticRenderer().text(report))
        let plan = Planner.plan(inventory: loaded.inventory, snapshot: snapshot, inputs: testInputs, today: today)
        XCTAssertEqual(plan.actions, [])
        // Only the note that routing was not planned (the snapshot has no routing exports).
        XCTAssertEqual(plan.findings.map(\.kind), [.routing], "\(plan.findings.map(\.message))")
        XCTAssertEqual(plan.findings.map(\.severity), [.info])
    }

    func testAPolicyTargetOfAnotherShapeIsReportedNotWritten() {
        let snapshot = Live.snapshot([Live.number("+4533121020", status: .policyAssigned, target: "x\"; Remove-Everything")])
        XCTAssertThrowsError(try InventoryImporter.build(snapshot, options: ImportOptions(today: today))) { error in
            XCTAssertTrue("\(error)".contains("is not a policy target"), "\(error)")
        }
    }
}
