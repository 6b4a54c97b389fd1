import XCTest
@testable import DDIKit

/// Issue 11 item 10: a `kind: shared-calling` number names its policy target in `assigned_to`
/// (`TeamsSharedCallingRoutingPolicy|Tag:SC1`, as Get-CsPhoneNumberAssignment reports a
/// PolicyAssigned number: https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment,
/// example 9), not a UPN; any other kind still needs a UPN, and several shared-calling numbers of one
/// policy are not "a second primary number".
final class SharedCallingDeclarationTests: XCTestCase {
    private func load(_ numbers: String) -> LoadedInventory {
        let ranges = "ranges:\n  - id: cph\n    block: +4533121000..+4533121099\n    source: operator-connect\n    country: DK\n"
        return InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"),
                                    files: [InventorySourceFile(path: "n.yaml", text: ranges + "numbers:\n" + numbers)])
    }

    private func entry(_ number: String, kind: String, to holder: String) -> String {
        "  - number: \"\(number)\"\n    status: assigned\n    kind: \(kind)\n    assigned_to: \"\(holder)\"\n    owner: IT\n    reviewed: 2026-11-01\n"
    }

    func testSharedCallingTakesAPolicyTarget() {
        let loaded = load(entry("+4533121020", kind: "shared-calling", to: "TeamsSharedCallingRoutingPolicy|Tag:SC1")
                          + entry("+4533121021", kind: "shared-calling", to: "TeamsSharedCallingRoutingPolicy|Tag:SC1"))
        XCTAssertEqual(loaded.diagnostics.map(\.message), [])
        XCTAssertEqual(loaded.inventory.numbers.first?.assignedTo?.value, "TeamsSharedCallingRoutingPolicy|Tag:SC1")
        let report = Validator.validate(loaded, today: Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0))
        XCTAssertFalse(report.hasErrors, report.diagnostics.map(\.message).joined(separator: "\n"))
    }

    func testAPolicyTargetIsNoUserAndAUPNIsNoPolicyTarget() {
        let user = load(entry("+4533121020", kind: "user", to: "TeamsSharedCallingRoutingPolicy|Tag:SC1"))
        XCTAssertTrue(user.diagnostics.contains { $0.message.contains("must be a Teams identity") }, "\(user.diagnostics.map(\.message))")
        let shared = load(entry("+4533121020", kind: "shared-calling", to: "anna@contoso.com"))
        XCTAssertTrue(shared.diagnostics.contains { $0.message.contains("must be a policy target") }, "\(shared.diagnostics.map(\.message))")
    }

    func testPolicyTargetShape() {
        XCTAssertTrue(Identity.looksLikePolicyTarget("TeamsSharedCallingRoutingPolicy|Tag:SC1"))
        XCTAssertTrue(Identity.looksLikePolicyTarget("TeamsSharedCallingRoutingPolicy|Global"))
        for bad in ["", "|Tag:SC1", "TeamsSharedCallingRoutingPolicy|", "Policy|Tag:'; Remove-Item", "Policy|Tag:\u{1b}[31m", "NoBar"] {
            XCTAssertFalse(Identity.looksLikePolicyTarget(bad), bad)
        }
    }
}
