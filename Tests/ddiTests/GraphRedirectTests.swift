import Foundation
import XCTest

/// `ddi snapshot pull` and `ddi apply --provider graph` end to end when the "Graph" server tries
/// to send ddi elsewhere: a second loopback listener stands in for the foreign host and must hear
/// nothing, least of all an Authorization header.
final class GraphRedirectTests: XCTestCase {
    var servers: [GraphTestServer] = []
    var roots: [URL] = []

    override func tearDown() {
        for server in servers { server.stop() }
        for root in roots { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    func start() throws -> (graph: GraphTestServer, elsewhere: GraphTestServer, root: URL) {
        let graph = try GraphTestServer(tenant: ApplyCommandTests.tenant())
        servers.append(graph)
        let elsewhere = try GraphTestServer(tenant: ApplyCommandTests.tenant())
        servers.append(elsewhere)
        let root = try ApplyCommandTests.makeInventory()
        roots.append(root)
        return (graph, elsewhere, root)
    }

    func ddi(_ arguments: [String], _ root: URL, _ environment: [String: String]) throws -> CLIRunner.Outcome {
        let dated = arguments.first == "snapshot" ? arguments : arguments + ["--today", ApplyCommandTests.today]
        let outcome = try CLIRunner.run(dated, in: root, environment: environment)
        XCTAssertFalse(outcome.crashed, outcome.stderr)
        for text in [outcome.stdout, outcome.stderr] {
            XCTAssertFalse(text.contains(GraphTestServer.clientSecret), "the client secret leaked: \(text)")
            XCTAssertFalse(text.contains("tok-"), "a bearer token leaked: \(text)")
        }
        return outcome
    }

    func testARedirectToAnotherOriginIsRefusedAndTheOtherHostHearsNothing() throws {
        let (graph, elsewhere, root) = try start()
        for status in [302, 307] {
            _ = try graph.control("faults", body: [["path": "numberAssignments", "status": status, "count": 1,
                                                    "location": elsewhere.baseURL + "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments"]])
            let outcome = try ddi(["snapshot", "pull", "--out", "live"], root, graph.environment)
            XCTAssertEqual(outcome.status, 1, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("answered with a redirect (HTTP \(status)) to another origin (http://127.0.0.1:\(elsewhere.port))"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("ddi never follows redirects with credentials"), outcome.stderr)
        }
        XCTAssertEqual(try elsewhere.log().count, 0, "nothing reached the other listener")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("live").path))
    }

    func testA202LocationOnAnotherOriginIsRefusedAndNothingIsSentThere() throws {
        let (graph, elsewhere, root) = try start()
        XCTAssertEqual(try ddi(["snapshot", "pull", "--out", "live"], root, graph.environment).status, 0)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, graph.environment).status, 0)
        _ = try graph.control("faults", body: [["path": "updateNumber", "status": 202, "count": 1,
                                                "location": elsewhere.baseURL + "/v1.0/admin/teams/telephoneNumberManagement/operations/1"]])
        let outcome = try ddi(["apply", "plan.json", "--provider", "graph"], root, graph.environment)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("was accepted (HTTP 202) but its Location points to another origin"), outcome.stderr)
        XCTAssertEqual(try elsewhere.log().count, 0, "nothing reached the other listener")
    }

    func testAnHTTPBaseURLOffLoopbackIsRefusedBeforeAnythingIsSent() throws {
        let (graph, _, root) = try start()
        var environment = graph.environment
        environment["DDI_LOGIN_BASE_URL"] = "http://login.invalid"
        let outcome = try ddi(["snapshot", "pull", "--out", "live"], root, environment)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("DDI_LOGIN_BASE_URL must use https"), outcome.stderr)
        XCTAssertEqual(try graph.log().count, 0)
    }

    /// A `Retry-After: 0` storm once made 2,709 requests in 120 s; now one request ends after 8.
    func testARetryAfterZeroStormEndsAfterEightAttempts() throws {
        let (graph, _, root) = try start()
        _ = try graph.control("faults", body: [["path": "numberAssignments", "status": 429, "count": 10_000, "retry_after": 0]])
        let outcome = try ddi(["snapshot", "pull", "--out", "live"], root, graph.environment)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("is still throttled (HTTP 429) after 8 attempts"), outcome.stderr)
        let throttled = try graph.log().filter { ($0["path"] as? String ?? "").hasSuffix("numberAssignments") }
        XCTAssertEqual(throttled.count, 8)
    }
}
