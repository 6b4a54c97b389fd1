import Foundation
import XCTest
@testable import DDIApply

/// The retry and throttling rules with a scripted transport and a recorded sleep (no waiting). The
/// HTTP path itself is tested against the loopback test server (URLSessionTransportTests, ddiTests).
final class GraphClientTests: XCTestCase {
    typealias Scripted = ScriptedTransport
    static let token = GraphFixtures.token

    func client(_ transport: Scripted, sleeps: SleepLog, limits: GraphLimits = GraphLimits()) -> GraphClient {
        GraphFixtures.client(transport, sleeps: sleeps, limits: limits)
    }

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

    /// A `Retry-After: 0` storm once made 2,709 requests in 120 s: now it ends at the attempt bound.
    func testRetryAfterZeroStormEndsAtTheAttemptBound() {
        let transport = Scripted([Self.token] + Array(repeating: HTTPResponse(status: 429, headers: ["Retry-After": "0"]), count: 3000))
        XCTAssertThrowsError(try client(transport, sleeps: SleepLog()).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("still throttled (HTTP 429) after 8 attempts"), "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 1 + 8)
    }

    func testThrottlingAndServerErrorsShareOneAttemptBound() {
        let alternating = (0..<20).map { HTTPResponse(status: $0 % 2 == 0 ? 429 : 503, headers: ["Retry-After": "0"]) }
        var limits = GraphLimits()
        limits.maxTotalAttempts = 6
        let transport = Scripted([Self.token] + alternating)
        XCTAssertThrowsError(try client(transport, sleeps: SleepLog(), limits: limits).getAll(GraphPaths.users, query: []))
        XCTAssertEqual(transport.requests.count, 1 + 6)
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

    func testTimeoutsSayHowLongGraphWasGiven() {
        var limits = GraphLimits()
        limits.requestTimeout = 7
        let transport = Scripted(results: [.success(Self.token)] + Array(repeating: .failure(URLError(.timedOut)), count: 10))
        XCTAssertThrowsError(try client(transport, sleeps: SleepLog(), limits: limits).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("GET /v1.0/users failed after 5 attempts: Graph did not answer within 7 s"), "\(error)")
            XCTAssertFalse("\(error)".contains("1001"), "\(error)")
        }
        let deadline = Scripted(results: [.success(Self.token), .failure(HTTPTransportError.responseTooLarge(limit: 10))])
        XCTAssertThrowsError(try client(deadline, sleeps: SleepLog()).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("larger than 10 bytes"), "\(error)")
        }
        XCTAssertEqual(deadline.requests.count, 2, "a response too large is not fetched again")
    }

    func testAResponseOverTheSizeCapIsNotParsed() {
        var limits = GraphLimits()
        limits.maxResponseBytes = 100
        let transport = Scripted([Self.token, GraphFixtures.page(Array(repeating: ["id": "x"], count: 50))])
        XCTAssertThrowsError(try client(transport, sleeps: SleepLog(), limits: limits).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("the response is larger than 100 bytes"), "\(error)")
        }
    }

    /// A change that timed out may have reached Graph: it is not sent again. The next apply reads
    /// the tenant first and sees whether it took effect.
    func testAChangeThatTimedOutIsNotSentTwice() {
        let transport = Scripted(results: [.success(Self.token)] + Array(repeating: .failure(URLError(.timedOut)), count: 10))
        XCTAssertThrowsError(try client(transport, sleeps: SleepLog()).performAction(GraphPaths.assignNumber, body: ["telephoneNumber": "+4533121042"])) { error in
            XCTAssertTrue("\(error)".contains("may have reached Graph"), "\(error)")
        }
        XCTAssertEqual(transport.requests.filter { $0.method == "POST" && !$0.url.path.hasSuffix("/token") }.count, 1)
    }
}
