import Foundation
import XCTest
@testable import DDIApply

/// The real URLSession transport against the loopback test server: redirects come back
/// unfollowed, a trickling response meets its deadline, an oversized body is cut off.
final class URLSessionTransportTests: XCTestCase {
    var servers: [LoopbackGraphServer] = []

    override func tearDown() {
        for server in servers { server.stop() }
        super.tearDown()
    }

    func server() throws -> LoopbackGraphServer {
        let server = try LoopbackGraphServer()
        servers.append(server)
        return server
    }

    func limits(deadline: Double = 10, maxBytes: Int = 1024 * 1024) -> GraphLimits {
        var limits = GraphLimits()
        limits.requestTimeout = deadline
        limits.responseDeadline = deadline
        limits.maxResponseBytes = maxBytes
        return limits
    }

    func get(_ url: String) throws -> HTTPRequest {
        HTTPRequest(method: "GET", url: try XCTUnwrap(URL(string: url)), headers: ["Authorization": "Bearer secret-token"])
    }

    func testRedirectsComeBackUnfollowed() throws {
        let graph = try server(), elsewhere = try server()
        for status in [301, 302, 303, 307, 308] {
            try graph.faults([["path": "/v1.0/users", "status": status, "count": 1, "location": elsewhere.base + "/v1.0/users"]])
            let response = try URLSessionTransport(limits: limits()).send(try get(graph.base + "/v1.0/users"))
            XCTAssertEqual(response.status, status)
            XCTAssertEqual(response.header("Location"), elsewhere.base + "/v1.0/users")
        }
        XCTAssertEqual(try elsewhere.log().count, 0, "the other listener heard nothing")
    }

    /// Bytes trickling in keep an idle timeout happy for ever; the deadline still ends it.
    func testATricklingResponseMeetsTheDeadline() throws {
        let graph = try server()
        try graph.faults([["path": "/v1.0/users", "status": 200, "count": 1, "drip": 0.1, "body_size": 400]])
        let started = Date()
        XCTAssertThrowsError(try URLSessionTransport(limits: limits(deadline: 1)).send(try get(graph.base + "/v1.0/users"))) { error in
            XCTAssertEqual(error as? HTTPTransportError, .timedOut(seconds: 1))
            XCTAssertEqual("\(error)", "Graph did not answer within 1 s")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }

    func testASilentServerMeetsTheDeadline() throws {
        let graph = try server()
        try graph.faults([["path": "/v1.0/users", "status": 200, "count": 1, "delay": 5]])
        let started = Date()
        XCTAssertThrowsError(try URLSessionTransport(limits: limits(deadline: 1)).send(try get(graph.base + "/v1.0/users"))) { error in
            XCTAssertEqual("\(error)", "Graph did not answer within 1 s")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
    }

    func testAnOversizedBodyIsCutOff() throws {
        let graph = try server()
        try graph.faults([["path": "/v1.0/users", "status": 200, "count": 1, "body_size": 200_000]])
        XCTAssertThrowsError(try URLSessionTransport(limits: limits(maxBytes: 10_000)).send(try get(graph.base + "/v1.0/users"))) { error in
            XCTAssertEqual(error as? HTTPTransportError, .responseTooLarge(limit: 10_000))
        }
        try graph.faults([["path": "/v1.0/users", "status": 200, "count": 1, "body_size": 5_000]])
        let response = try URLSessionTransport(limits: limits(maxBytes: 10_000)).send(try get(graph.base + "/v1.0/users"))
        XCTAssertEqual(response.body.count, 5_000)
    }
}
