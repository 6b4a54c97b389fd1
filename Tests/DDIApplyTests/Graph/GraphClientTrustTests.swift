import Foundation
import XCTest
@testable import DDIApply

/// Tokens, redirects and long-running operations: credentials go only where they were configured
/// to go, and nothing unknown counts as done.
final class GraphClientTrustTests: XCTestCase {
    let ok = GraphFixtures.page([])

    func testTheTokenIsReusedThenRefreshedBeforeItExpires() throws {
        let clock = TestClock()
        let transport = ScriptedTransport([GraphFixtures.token("first-token", expiresIn: 3600), ok, ok, GraphFixtures.token("second-token"), ok])
        let client = GraphFixtures.client(transport, clock: clock)
        _ = try client.getAll(GraphPaths.users, query: [])
        clock.now += 3000
        _ = try client.getAll(GraphPaths.users, query: [])
        clock.now += 301  // inside the 300 s margin before expires_in runs out
        _ = try client.getAll(GraphPaths.users, query: [])
        XCTAssertEqual(transport.requests.map { $0.headers["Authorization"] ?? $0.url.path },
                       ["/t/oauth2/v2.0/token", "Bearer first-token", "Bearer first-token", "/t/oauth2/v2.0/token", "Bearer second-token"])
    }

    func testA401RefreshesTheTokenOnceAndRetries() throws {
        let transport = ScriptedTransport([GraphFixtures.token("revoked-token"), HTTPResponse(status: 401), GraphFixtures.token("fresh-token"), ok])
        _ = try GraphFixtures.client(transport).getAll(GraphPaths.users, query: [])
        XCTAssertEqual(transport.requests.last?.headers["Authorization"], "Bearer fresh-token")
        XCTAssertEqual(transport.requests.count, 4)
    }

    func testASecond401IsAFailure() {
        let unauthorized = HTTPResponse(status: 401, body: Data(#"{"error":{"code":"InvalidAuthenticationToken","message":"Access token is invalid: Bearer fresh-token"}}"#.utf8))
        let transport = ScriptedTransport([GraphFixtures.token("revoked-token"), unauthorized, GraphFixtures.token("fresh-token"), unauthorized, ok, ok])
        XCTAssertThrowsError(try GraphFixtures.client(transport).getAll(GraphPaths.users, query: [])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("GET /v1.0/users was refused (HTTP 401) with a fresh access token: InvalidAuthenticationToken"), text)
            XCTAssertFalse(text.contains("fresh-token"), text)
        }
        XCTAssertEqual(transport.requests.count, 4)
    }

    func testA202WithoutAUsableLocationIsAFailure() {
        let missing = ScriptedTransport([GraphFixtures.token, HTTPResponse(status: 202)])
        XCTAssertThrowsError(try GraphFixtures.client(missing).performAction(GraphPaths.assignNumber, body: [:])) { error in
            XCTAssertTrue("\(error)".contains("accepted (HTTP 202) without a Location to follow"), "\(error)")
        }
        let escaping = ScriptedTransport([GraphFixtures.token, HTTPResponse(status: 202, headers: ["Location": "/v1.0/../../x"])])
        XCTAssertThrowsError(try GraphFixtures.client(escaping).performAction(GraphPaths.assignNumber, body: [:])) { error in
            XCTAssertTrue("\(error)".contains("its Location points outside the Graph API root /v1.0/"), "\(error)")
        }
        XCTAssertEqual(escaping.requests.count, 2)
    }

    func testA202LocationOnAnotherOriginIsRefusedAndNothingIsSentThere() {
        for location in ["http://127.0.0.1:2/v1.0/operations/1", "https://127.0.0.1:1/v1.0/operations/1", "http://evil.example/v1.0/operations/1"] {
            let transport = ScriptedTransport([GraphFixtures.token, HTTPResponse(status: 202, headers: ["Location": location]), ok])
            XCTAssertThrowsError(try GraphFixtures.client(transport).performAction(GraphPaths.assignNumber, body: [:]), location) { error in
                XCTAssertTrue("\(error)".contains("its Location points to another origin"), "\(error)")
            }
            XCTAssertEqual(transport.requests.map(\.url.port), [1, 1], location)
        }
    }

    func testRedirectsAreNeverFollowedWithCredentials() {
        for (status, location, words) in [(302, "http://127.0.0.1:2/v1.0/users", "to another origin (http://127.0.0.1:2)"),
                                          (307, "https://evil.example/steal", "to another origin (https://evil.example:443)"),
                                          (308, "/v1.0/users2", "to /v1.0/users2"),
                                          (301, "", "without a Location")] {
            let transport = ScriptedTransport([GraphFixtures.token, HTTPResponse(status: status, headers: location.isEmpty ? [:] : ["Location": location]), ok, ok])
            XCTAssertThrowsError(try GraphFixtures.client(transport).getAll(GraphPaths.users, query: [])) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("GET /v1.0/users answered with a redirect (HTTP \(status)) \(words); refused"), text)
            }
            XCTAssertEqual(transport.requests.count, 2, "nothing re-sent after the \(status)")
        }
        // The token request carries the client secret: a redirect there is refused too.
        let login = ScriptedTransport([HTTPResponse(status: 303, headers: ["Location": "https://evil.example/token"]), GraphFixtures.token])
        XCTAssertThrowsError(try GraphFixtures.client(login).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("POST /t/oauth2/v2.0/token answered with a redirect (HTTP 303) to another origin"), "\(error)")
        }
        XCTAssertEqual(login.requests.count, 1)
    }

    /// The poll of a 202's `Location` (on the right origin) carries the token too: a redirect
    /// there is refused like any other.
    func testARedirectWhilePollingIsRefused() {
        let transport = ScriptedTransport([GraphFixtures.token, HTTPResponse(status: 202, headers: ["Location": "/v1.0/operations/1", "Retry-After": "nan"]),
                                           HTTPResponse(status: 302, headers: ["Location": "https://evil.example/op"]), ok])
        let sleeps = SleepLog()
        XCTAssertThrowsError(try GraphFixtures.client(transport, sleeps: sleeps).performAction(GraphPaths.assignNumber, body: [:])) { error in
            XCTAssertTrue("\(error)".contains("GET /v1.0/operations/1 answered with a redirect (HTTP 302) to another origin (https://evil.example:443)"), "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(sleeps.values, [2], "a Retry-After that is not a number falls back to the default poll interval")
    }
}
