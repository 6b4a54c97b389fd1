import Foundation
import XCTest

/// `ddi import` with the contoso routing exports (Get-CsAutoAttendant, Get-CsCallQueue): the
/// routing entries carry the fields ddi manages, and the plan of the result has no routing change
/// and no routing finding.
final class ImportRoutingCommandTests: XCTestCase {
    let today = ["--today", "2026-11-27"]

    func testImportWritesManagedRoutingFieldsAndReplansToNothing() throws {
        let target = try TemporaryInventory(files: [:])
        let out = target.url.appendingPathComponent("inventory").path
        let live = CLIRunner.repositoryRoot.appendingPathComponent("examples/contoso/live").path
        let imported = try CLIRunner.run(["import", "--live", live, "--out", out, "--tenant", "contoso.onmicrosoft.com"] + today)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let dk = try String(contentsOfFile: out + "/dk.yaml", encoding: .utf8)
        XCTAssertTrue(dk.contains("""
              - id: cq-helpdesk
                type: call-queue
                resource_account: "cq-helpdesk@contoso.com"
                agents: ["lars.mortensen@contoso.com", "nina.dahl@contoso.com", "oliver.skov@contoso.com", "rasmus.lind@contoso.com"]
                overflow: "external:+4570221500"
                timeout: "external:+4570221599"
            """), dk)
        XCTAssertTrue(dk.contains("  - id: aa-aarhus\n    type: auto-attendant\n    resource_account: \"aa-aarhus@contoso.com\"\n    business_hours: \"cq-reception\""),
                      "a nested transfer by configuration id is written as the queue's routing id:\n\(dk)")

        let planned = try CLIRunner.run(["plan", "-C", out, "--live", live, "--format", "json"] + today)
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let plan = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((plan["routing"] as? [Any])?.count, 0)
        let findings = plan["findings"] as? [[String: Any]] ?? []
        XCTAssertEqual(findings.filter { $0["kind"] as? String == "routing" }.count, 0, "\(findings)")
    }
}
