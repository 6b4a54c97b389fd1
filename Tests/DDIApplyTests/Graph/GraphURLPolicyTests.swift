import Foundation
import XCTest
@testable import DDIApply

/// `@odata.nextLink` and `Location` stay on the configured origin and under the API root.
final class GraphURLPolicyTests: XCTestCase {
    let policy = GraphURLPolicy(base: URL(string: "https://graph.microsoft.com/v1.0")!)

    func resolved(_ text: String) -> String? { try? policy.resolve(text).get().absoluteString }

    func testLinksUnderTheAPIRootAreResolvedAndNormalised() {
        XCTAssertEqual(resolved("https://graph.microsoft.com/v1.0/users?$skiptoken=X"), "https://graph.microsoft.com/v1.0/users?$skiptoken=X")
        XCTAssertEqual(resolved("/v1.0/admin/teams/operations/1"), "https://graph.microsoft.com/v1.0/admin/teams/operations/1")
        XCTAssertEqual(resolved("https://GRAPH.microsoft.com:443/v1.0/a/./b/../c"), "https://GRAPH.microsoft.com:443/v1.0/a/c")
        XCTAssertEqual(resolved("/v1.0/users#fragment"), "https://graph.microsoft.com/v1.0/users")
    }

    func testDotSegmentsCannotEscapeTheAPIRoot() {
        for link in ["/v1.0/../../x", "/v1.0/..", "https://graph.microsoft.com/v1.0/../beta/users", "/v1.00/users", "/beta/users", "/",
                     "/v1.0/%2e%2e/%2E%2E/x", "/v1.0/.%2e/x", "/v1.0/..%2fx", "/v1.0/..%5Cx", "/v1.0/..\\x"] {
            XCTAssertNil(resolved(link), link)
        }
        XCTAssertEqual(policy.resolve("/v1.0/../../x"), .failure(.outsideRoot))
    }

    func testOtherOriginsAreRefused() {
        for link in ["https://evil.example/v1.0/users", "http://graph.microsoft.com/v1.0/users", "https://graph.microsoft.com:8443/v1.0/users",
                     "//evil.example/v1.0/users", "https://user@graph.microsoft.com/v1.0/users", "https://graph.microsoft.com.evil.example/v1.0/users",
                     "javascript:alert(1)"] {
            XCTAssertNil(resolved(link), link)
        }
        XCTAssertEqual(policy.resolve("https://evil.example/v1.0/users"), .failure(.otherOrigin))
    }

    func testLoopbackHosts() {
        let loopback = ["http://127.0.0.1", "http://127.255.0.9:80", "http://localhost", "http://LOCALHOST:5", "http://[::1]:8"]
        let remote = ["http://127.0.0.1.nip.io", "http://128.0.0.1", "http://127.0.0", "http://127.0.0.1.", "http://0177.0.0.1", "https://graph.microsoft.com"]
        for text in loopback { XCTAssertEqual(URL(string: text).flatMap(GraphOrigin.init)?.isLoopback, true, text) }
        for text in remote { XCTAssertNotEqual(URL(string: text).flatMap(GraphOrigin.init)?.isLoopback, true, text) }
    }

    func testPagingStaysUnderTheRootAndStopsOnARepeatedLink() {
        let escaping = ScriptedTransport([GraphFixtures.token, GraphFixtures.page([["id": "1"]], next: "http://127.0.0.1:1/v1.0/../../x")])
        XCTAssertThrowsError(try GraphFixtures.client(escaping).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("points outside the Graph API root /v1.0/"), "\(error)")
        }
        XCTAssertEqual(escaping.requests.count, 2)

        let next = "http://127.0.0.1:1/v1.0/users?$skiptoken=2"
        let looping = ScriptedTransport([GraphFixtures.token, GraphFixtures.page([["id": "1"]], next: next), GraphFixtures.page([["id": "2"]], next: next)]
                                        + Array(repeating: GraphFixtures.page([["id": "3"]], next: next), count: 20))
        XCTAssertThrowsError(try GraphFixtures.client(looping).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("an @odata.nextLink it had sent before"), "\(error)")
        }
        XCTAssertEqual(looping.requests.count, 3)
    }
}
