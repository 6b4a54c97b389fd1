import Foundation
import XCTest

/// `ddi apply --provider graph` against a tenant that changed after the snapshot was taken: each
/// step checks the holder it expects, so the number is never taken from someone the plan did not
/// see (README "Security"). Uses the tenant and inventory of `ApplyCommandTests`.
final class ApplyExpectedStateTests: XCTestCase {
    var server: GraphTestServer?
    var root: URL?

    override func tearDown() {
        server?.stop()
        if let root { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    func testAReassignStopsWhenSomeoneElseNowHoldsTheNumber() throws {
        let server = try GraphTestServer(tenant: ApplyCommandTests.tenant())
        self.server = server
        let root = try ApplyCommandTests.makeInventory()
        self.root = root
        let environment = server.environment
        let pull = try CLIRunner.run(["snapshot", "pull", "--out", "live"], in: root, environment: environment)
        XCTAssertEqual(pull.status, 0, pull.stderr)
        let plan = try CLIRunner.run(["plan", "--out", "plan.json", "--today", ApplyCommandTests.today], in: root, environment: environment)
        XCTAssertEqual(plan.status, 0, plan.stdout + plan.stderr)

        // After the snapshot, number 09 (planned: reassign from user10 to user11) goes to user13.
        let contested = ApplyCommandTests.number(9), previous = ApplyCommandTests.userID(10), intruder = ApplyCommandTests.userID(13)
        var numbers = try server.numbers()
        for index in numbers.indices where numbers[index]["telephoneNumber"] as? String == contested {
            numbers[index]["assignmentTargetId"] = intruder
        }
        _ = try server.control("config", body: ["numbers": numbers])

        let apply = try CLIRunner.run(["apply", "plan.json", "--provider", "graph", "--today", ApplyCommandTests.today], in: root, environment: environment)
        XCTAssertFalse(apply.crashed, apply.stderr)
        XCTAssertEqual(apply.status, 1, apply.stdout + apply.stderr)
        XCTAssertTrue(apply.stderr.contains(contested) && apply.stderr.contains(previous) && apply.stderr.contains(intruder), apply.stderr)
        XCTAssertTrue(apply.stderr.contains("The tenant changed since the plan"), apply.stderr)
        // A rerun would stop at the same step: the advice is a new snapshot and plan, never a resume.
        XCTAssertTrue(apply.stderr.contains("Pull a new snapshot and make a new plan"), apply.stderr)
        XCTAssertFalse(apply.stderr.contains("Run the same command again"), apply.stderr)

        let sent = try server.log().compactMap { entry -> String? in
            guard entry["method"] as? String == "POST", let body = entry["body"] as? String else { return nil }
            return body.contains(contested) ? body : nil
        }
        XCTAssertEqual(sent, [], "nothing was sent for the contested number")
        let holder = try server.numbers().first { $0["telephoneNumber"] as? String == contested }?["assignmentTargetId"] as? String
        XCTAssertEqual(holder, intruder)
    }
}
