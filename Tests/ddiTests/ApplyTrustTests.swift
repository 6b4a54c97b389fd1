import DDIPlan
import Foundation
import XCTest

/// Items 4, 5 and 6 of the security issue, end to end: nothing in a saved plan is trusted, the
/// stale check compares the live state each action expects, and error findings stop every apply.
extension ApplyCommandTests {
    /// Rewrites a saved plan as a forger would: decode, edit, save again with a checksum recomputed
    /// by the same algorithm. The checksum cannot tell.
    func forge(_ root: URL, _ edit: (inout Plan) -> Void) throws {
        let file = root.appendingPathComponent("plan.json")
        var plan = try PlanJSONRenderer.decode(try Data(contentsOf: file))
        edit(&plan)
        try PlanJSONRenderer.renderSaved(plan).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Item 4 of the security issue: the thresholds and the stale check use the current inputs only.
    func testForgedSavedPlanIsRefused() throws {
        let server = try GraphTestServer(tenant: Self.tenant())
        self.server = server
        let root = try Self.makeInventory(maxUnassign: 5)
        roots.append(root)
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        let script = root.appendingPathComponent("apply.ps1")
        let apply = ["apply", "plan.json", "--provider", "powershell", "--script-out", "apply.ps1"]

        // 1 unassign of 10 live assignments is 10% > 5%; an inflated live_assigned would make it 0.1%.
        try forge(root) { $0.summary.liveAssigned = 1000 }
        let inflated = try ddi(apply, root, server)
        XCTAssertEqual(inflated.status, 1, inflated.stdout)
        XCTAssertTrue(inflated.stderr.contains("is stale"), inflated.stderr)
        XCTAssertTrue(inflated.stderr.contains("summary: the saved plan counts 1000 live assignments, the snapshot now has 10"), inflated.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: script.path))

        // The reassign of 09 edited to take the number from someone else first.
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        try forge(root) { plan in
            guard let index = plan.actions.firstIndex(where: { $0.number == Self.number(9) }) else { return XCTFail("no action for 09") }
            plan.actions[index].before?.objectID = Self.userID(14)
        }
        let redirected = try ddi(apply + ["--force"], root, server)
        XCTAssertEqual(redirected.status, 1, redirected.stdout)
        XCTAssertTrue(redirected.stderr.contains("previous holder user10@contoso.com (\(Self.userID(14))) → user10@contoso.com (\(Self.userID(10)))"), redirected.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: script.path))

        // The honest plan still meets the thresholds, computed from the snapshot.
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        let honest = try ddi(apply, root, server)
        XCTAssertEqual(honest.status, 1)
        XCTAssertTrue(honest.stderr.contains("the plan would unassign 1 of 10 live assignments (10%), above safety.max_unassign_percent = 5%"), honest.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: script.path))
    }

    /// Item 5 of the security issue: the stale check compares the live state each action expects.
    func testPlanSavedWhileAnotherAccountHeldTheNumberIsStale() throws {
        let (server, root) = try start()
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        // Between plan and apply, 09 moved from user10 to user13 in Teams; the new snapshot shows it.
        let numbers = root.appendingPathComponent("live/number-assignments.json")
        let text = try String(contentsOf: numbers, encoding: .utf8)
        XCTAssertTrue(text.contains(Self.userID(10)))
        try text.replacingOccurrences(of: Self.userID(10), with: Self.userID(13)).write(to: numbers, atomically: true, encoding: .utf8)
        let outcome = try ddi(["apply", "plan.json", "--provider", "powershell", "--script-out", "apply.ps1"], root, server)
        XCTAssertEqual(outcome.status, 1, outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("is stale"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("\(Self.number(9)): the saved plan does reassign user11@contoso.com from user10@contoso.com"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("previous holder user10@contoso.com (\(Self.userID(10))) → user13@contoso.com (\(Self.userID(13)))"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("why: the live snapshot given differs"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("apply.ps1").path))
    }

    /// Item 6 of the security issue: "`ddi apply` will not run this plan" is true for every way to apply it.
    func testPlanWithAnErrorFindingIsNeverApplied() throws {
        let server = try GraphTestServer(tenant: Self.tenant())
        self.server = server
        // 20 is declared assigned, but the tenant does not have it: an error finding.
        let root = try Self.makeInventory(extra: """
              - number: "\(Self.number(20))"
                status: assigned
                kind: user
                assigned_to: user13@contoso.com
                owner: user13@contoso.com
                reviewed: 2026-10-01

            """)
        roots.append(root)
        try pull(root, server)
        let markdown = try ddi(["plan", "--format", "markdown"], root, server)
        XCTAssertEqual(markdown.status, 1, markdown.stderr)
        XCTAssertTrue(markdown.stdout.contains("`ddi apply` will not run this plan."), markdown.stdout)
        _ = try ddi(["plan", "--out", "plan.json"], root, server)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("plan.json").path))
        let script = root.appendingPathComponent("apply.ps1")
        for plan in [["plan.json"], ["--yes"]] {
            for provider in [["--provider", "graph"], ["--provider", "powershell", "--script-out", "apply.ps1"]] {
                let outcome = try ddi(["apply"] + plan + provider + ["--force"], root, server)
                XCTAssertEqual(outcome.status, 1, "\(plan) \(provider): \(outcome.stdout)")
                XCTAssertTrue(outcome.stderr.contains("ddi apply does not run a plan with error findings"), outcome.stderr)
                XCTAssertTrue(outcome.stderr.contains("! not-in-tenant \(Self.number(20)) (sites/cph.yaml:"), outcome.stderr)
                XCTAssertFalse(FileManager.default.fileExists(atPath: script.path), "\(plan) \(provider)")
            }
        }
        XCTAssertEqual(try mutations(server), [])
    }
}
