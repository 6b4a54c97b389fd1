import Foundation
import XCTest

/// `ddi apply --provider powershell` end to end with hostile values in the places a pull request
/// controls: a declared tag, a declared location id, and an `Identity` in a `live/` directory export.
/// Each is refused before a script is written (README "Security").
final class ApplyInjectionTests: XCTestCase {
    static let today = "2026-11-27"
    static let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"
    /// A quote Swift folds into one grapheme cluster with U+0600 before it or U+0301 after it.
    static let payloadJSON = #"vip\u0600'+$(Start-Process calc)+'\u0301"#

    var roots: [URL] = []

    override func tearDown() {
        for root in roots { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    /// An inventory with one assigned number, and a `live/` with that number unassigned and
    /// anna in the directory under `identity`.
    func inventory(entryExtra: String = "", identityJSON: String = "2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-injection-\(UUID().uuidString)")
        roots.append(root)
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("sites"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("live"), withIntermediateDirectories: true)
        try """
        version: 1
        tenant: contoso.onmicrosoft.com
        live: live/

        """.write(to: root.appendingPathComponent("ddi.yaml"), atomically: true, encoding: .utf8)
        try """
        ranges:
          - id: cph
            block: "+4533121000..+4533121009"
            source: operator-connect
            country: DK
            location_id: \(Self.location)
        numbers:
          - number: "+4533121001"
            status: assigned
            kind: user
            assigned_to: anna@contoso.com
            owner: anna@contoso.com
            reviewed: 2026-10-01

        """.appending(entryExtra).write(to: root.appendingPathComponent("sites/cph.yaml"), atomically: true, encoding: .utf8)
        try """
        [{"TelephoneNumber": "+4533121001", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "Unassigned",
          "AssignedPstnTargetId": null, "ActivationState": "Activated", "IsoCountryCode": "DK", "Capability": ["UserAssignment"],
          "LocationId": "\(Self.location)", "Tag": []}]
        """.write(to: root.appendingPathComponent("live/numbers.json"), atomically: true, encoding: .utf8)
        try """
        [{"Identity": "\(identityJSON)", "UserPrincipalName": "anna@contoso.com", "AccountEnabled": true,
          "EnterpriseVoiceEnabled": true, "AccountType": "User"}]
        """.write(to: root.appendingPathComponent("live/users.json"), atomically: true, encoding: .utf8)
        return root
    }

    func assertRefused(_ root: URL, field: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let plan = try CLIRunner.run(["plan", "--today", Self.today], in: root)
        XCTAssertEqual(plan.status, 0, plan.stdout + plan.stderr, file: file, line: line)
        XCTAssertTrue(plan.stdout.contains("+4533121001"), "the plan assigns the number: \(plan.stdout)", file: file, line: line)
        let outcome = try CLIRunner.run(["apply", "--provider", "powershell", "--script-out", "apply.ps1", "--yes", "--today", Self.today], in: root)
        XCTAssertFalse(outcome.crashed, outcome.stderr, file: file, line: line)
        let script = try? String(contentsOf: root.appendingPathComponent("apply.ps1"), encoding: .utf8)
        XCTAssertNil(script, "a script was written:\n\(script ?? "")", file: file, line: line)
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr, file: file, line: line)
        XCTAssertTrue(outcome.stderr.contains("+4533121001") && outcome.stderr.contains(field), outcome.stderr, file: file, line: line)
        XCTAssertFalse(outcome.stderr.unicodeScalars.contains("\u{600}"), "the value reaches the terminal escaped", file: file, line: line)
    }

    func testAHostileTagIsRefused() throws {
        try assertRefused(inventory(entryExtra: "    tags: [\"\(Self.payloadJSON)\"]\n"), field: "tag")
    }

    func testAHostileLocationIDIsRefused() throws {
        try assertRefused(inventory(entryExtra: "    location_id: \"\(Self.payloadJSON)\"\n"), field: "location id")
    }

    /// Only `live/users.json` is hostile: a pull request that touches nothing but `live/`.
    func testAHostileIdentityInTheDirectoryExportIsRefused() throws {
        try assertRefused(inventory(identityJSON: "2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6" + Self.payloadJSON), field: "object id")
    }
}
