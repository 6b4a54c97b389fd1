import Foundation
import XCTest
@testable import DDIApply

/// The retry and throttling rules with a scripted transport and a recorded sleep (no waiting). The
/// HTTP path itself is tested end to end against the loopback test server (ddiTests).
final class GraphClientTests: XCTestCase {
    final class Scripted: HTTPTransport, @unchecked Sendable {
        var responses: [HTTPResponse]
        var requests: [HTTPRequest] = []
        init(_ responses: [HTTPResponse]) { self.responses = responses }
        func send(_ request: HTTPRequest) throws -> HTTPResponse {
            requests.append(request)
            guard !responses.isEmpty else { throw URLError(.notConnectedToInternet) }
            return responses.removeFirst()
        }
    }

    static let configuration = GraphConfiguration(graphBase: URL(string: "http://127.0.0.1:1/v1.0")!, loginBase: URL(string: "http://127.0.0.1:1")!,
                                                  tenantID: "t", clientID: "c", clientSecret: "very-secret-value")
    static let token = HTTPResponse(status: 200, body: Data(#"{"access_token":"abc.def.ghi"}"#.utf8))

    func client(_ transport: Scripted, sleeps: SleepLog) -> GraphClient {
        GraphClient(configuration: Self.configuration, transport: transport, sleep: { sleeps.values.append($0) })
    }

    final class SleepLog { var values: [Double] = [] }

    func testThrottlingHonoursRetryAfterAndServerErrorsBackOff() throws {
        let transport = Scripted([Self.token,
                                  HTTPResponse(status: 429, headers: ["Retry-After": "7"]),
                                  HTTPResponse(status: 503), HTTPResponse(status: 502),
                                  HTTPResponse(status: 202, headers: ["Location": "http://127.0.0.1:1/v1.0/operations/1"]),
                                  HTTPResponse(status: 200, body: Data(#"{"status":"running"}"#.utf8)),
                                  HTTPResponse(status: 200, body: Data(#"{"status":"succeeded"}"#.utf8))])
        let sleeps = SleepLog()
        try client(transport, sleeps: sleeps).performAction(GraphPaths.assignNumber, body: ["telephoneNumber": "+4533121042"])
        XCTAssertEqual(Array(sleeps.values.prefix(3)), [7, 0.5, 1.0])
        XCTAssertEqual(transport.requests.last?.url.path, "/v1.0/operations/1")
        XCTAssertEqual(transport.requests[1].headers["Authorization"], "Bearer abc.def.ghi")
    }

    func testServerErrorsAreCapped() {
        let transport = Scripted([Self.token] + Array(repeating: HTTPResponse(status: 500, body: Data("echo very-secret-value Bearer abc.def.ghi".utf8)), count: 10))
        let sleeps = SleepLog()
        XCTAssertThrowsError(try client(transport, sleeps: sleeps).performAction(GraphPaths.unassignNumber, body: [:])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("failed with HTTP 500 5 times"), text)
            XCTAssertFalse(text.contains("very-secret-value"), text)
            XCTAssertFalse(text.contains("abc.def.ghi"), text)
        }
        XCTAssertEqual(transport.requests.count, 6)
        XCTAssertEqual(sleeps.values, [0.5, 1, 2, 4])
    }

    func testThrottleWaitIsCapped() {
        let transport = Scripted([Self.token] + Array(repeating: HTTPResponse(status: 429, headers: ["Retry-After": "100"]), count: 10))
        let sleeps = SleepLog()
        XCTAssertThrowsError(try client(transport, sleeps: sleeps).performAction(GraphPaths.assignNumber, body: [:])) { error in
            XCTAssertTrue("\(error)".contains("still throttled"), "\(error)")
        }
        XCTAssertEqual(sleeps.values.reduce(0, +), 300)
    }

    func testFailedOperationAndForeignLinksAreRefused() {
        let failed = Scripted([Self.token, HTTPResponse(status: 202, headers: ["Location": "/v1.0/operations/9"]),
                               HTTPResponse(status: 200, body: Data(#"{"status":"failed","error":{"code":"BadRequest","message":"no such user"}}"#.utf8))])
        XCTAssertThrowsError(try client(failed, sleeps: SleepLog()).performAction(GraphPaths.assignNumber, body: [:])) { error in
            XCTAssertTrue("\(error)".contains("BadRequest: no such user"), "\(error)")
        }
        let foreign = Scripted([Self.token, HTTPResponse(status: 200, body: Data(#"{"value":[],"@odata.nextLink":"https://evil.example/steal"}"#.utf8))])
        XCTAssertThrowsError(try client(foreign, sleeps: SleepLog()).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("outside the Graph base URL"), "\(error)")
        }
        XCTAssertEqual(foreign.requests.count, 2, "the token never went to the foreign host")
    }

    func testConfigurationComesFromTheEnvironment() throws {
        XCTAssertThrowsError(try GraphConfiguration.fromEnvironment([:])) { error in
            XCTAssertTrue("\(error)".contains("DDI_GRAPH_TENANT_ID, DDI_GRAPH_CLIENT_ID, DDI_GRAPH_CLIENT_SECRET"))
        }
        let configuration = try GraphConfiguration.fromEnvironment(["DDI_GRAPH_TENANT_ID": "contoso.onmicrosoft.com", "DDI_GRAPH_CLIENT_ID": "c", "DDI_GRAPH_CLIENT_SECRET": "s"])
        XCTAssertEqual(configuration.graphBase.absoluteString, "https://graph.microsoft.com/v1.0")
        XCTAssertThrowsError(try GraphConfiguration.fromEnvironment(["DDI_GRAPH_TENANT_ID": "../x", "DDI_GRAPH_CLIENT_ID": "c", "DDI_GRAPH_CLIENT_SECRET": "s"]))
    }
}
