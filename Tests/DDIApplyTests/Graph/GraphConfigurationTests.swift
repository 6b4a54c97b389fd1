import Foundation
import XCTest
@testable import DDIApply

/// Where credentials may go: https, or http only to a loopback host.
final class GraphConfigurationTests: XCTestCase {
    static let credentials = ["DDI_GRAPH_TENANT_ID": "contoso.onmicrosoft.com", "DDI_GRAPH_CLIENT_ID": "c", "DDI_GRAPH_CLIENT_SECRET": "s"]

    func configuration(_ extra: [String: String]) throws -> GraphConfiguration {
        try GraphConfiguration.fromEnvironment(Self.credentials.merging(extra) { $1 })
    }

    func testConfigurationComesFromTheEnvironment() throws {
        XCTAssertThrowsError(try GraphConfiguration.fromEnvironment([:])) { error in
            XCTAssertTrue("\(error)".contains("DDI_GRAPH_TENANT_ID, DDI_GRAPH_CLIENT_ID, DDI_GRAPH_CLIENT_SECRET"))
        }
        XCTAssertEqual(try configuration([:]).graphBase.absoluteString, "https://graph.microsoft.com/v1.0")
        XCTAssertEqual(try configuration([:]).loginBase.absoluteString, "https://login.microsoftonline.com")
        XCTAssertThrowsError(try configuration(["DDI_GRAPH_TENANT_ID": "../x"]))
        XCTAssertThrowsError(try configuration(["DDI_GRAPH_TENANT_ID": ".."]))
    }

    func testHTTPIsRefusedUnlessTheHostIsLoopback() throws {
        for url in ["http://graph.example.com/v1.0", "http://10.0.0.1/v1.0", "http://127.0.0.1.evil.example/v1.0", "http://0x7f.0.0.1/v1.0",
                    "http://1127.0.0.1/v1.0", "http://[::2]/v1.0", "http://localhost.evil.example/v1.0"] {
            XCTAssertThrowsError(try configuration(["DDI_GRAPH_BASE_URL": url]), url) { error in
                XCTAssertTrue("\(error)".contains("DDI_GRAPH_BASE_URL must use https"), "\(error)")
            }
        }
        XCTAssertThrowsError(try configuration(["DDI_LOGIN_BASE_URL": "http://login.example.com"])) { error in
            XCTAssertTrue("\(error)".contains("DDI_LOGIN_BASE_URL must use https"), "\(error)")
        }
        for url in ["http://127.0.0.1:8080/v1.0", "http://127.4.5.6/v1.0", "http://localhost:1/v1.0", "http://[::1]:9/v1.0", "https://graph.example.com/v1.0"] {
            XCTAssertEqual(try configuration(["DDI_GRAPH_BASE_URL": url]).graphBase.absoluteString, url)
        }
        XCTAssertEqual(try configuration(["DDI_LOGIN_BASE_URL": "http://127.0.0.1:5/"]).loginBase.absoluteString, "http://127.0.0.1:5")
    }

    func testOtherSchemesAndEmbeddedCredentialsAreRefused() {
        for url in ["ftp://graph.example.com/v1.0", "file:///etc/passwd", "https://user:pw@graph.example.com/v1.0",
                    "https://graph.example.com/v1.0?x=1", "graph.microsoft.com/v1.0", "https:///v1.0"] {
            XCTAssertThrowsError(try configuration(["DDI_GRAPH_BASE_URL": url]), url)
        }
    }

    /// A configuration built in code skips `fromEnvironment`: the client refuses before sending.
    func testTheClientRefusesAnHTTPBaseOffLoopbackWithoutSendingAnything() {
        var configuration = GraphFixtures.configuration
        configuration.loginBase = URL(string: "http://login.example.com")!
        let transport = ScriptedTransport([GraphFixtures.token])
        XCTAssertThrowsError(try GraphFixtures.client(transport, configuration: configuration).getAll(GraphPaths.users, query: [])) { error in
            XCTAssertTrue("\(error)".contains("is not an https URL"), "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 0)
    }
}
