import Foundation
@testable import DDIApply

/// A transport that answers from a script and records every request; an exhausted script is a
/// transport failure. Sleeping is recorded, never done.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    var responses: [Result<HTTPResponse, Error>]
    var requests: [HTTPRequest] = []

    init(_ responses: [HTTPResponse]) { self.responses = responses.map { .success($0) } }
    init(results: [Result<HTTPResponse, Error>]) { responses = results }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        requests.append(request)
        guard !responses.isEmpty else { throw URLError(.notConnectedToInternet) }
        return try responses.removeFirst().get()
    }
}

final class SleepLog { var values: [Double] = [] }

/// A clock the test moves.
final class TestClock {
    var now = Date(timeIntervalSince1970: 1_800_000_000)
}

enum GraphFixtures {
    static let secret = "very-secret-value"
    static let configuration = GraphConfiguration(graphBase: URL(string: "http://127.0.0.1:1/v1.0")!, loginBase: URL(string: "http://127.0.0.1:1")!,
                                                  tenantID: "t", clientID: "c", clientSecret: secret)
    static let tokenValue = "abc.def.ghi"
    static let token = token(tokenValue)

    static func token(_ value: String, expiresIn: Int = 3599) -> HTTPResponse {
        HTTPResponse(status: 200, body: Data(#"{"access_token":"\#(value)","expires_in":\#(expiresIn),"token_type":"Bearer"}"#.utf8))
    }

    static func page(_ items: [[String: Any]], next: String? = nil) -> HTTPResponse {
        var object: [String: Any] = ["value": items]
        if let next { object["@odata.nextLink"] = next }
        return HTTPResponse(status: 200, body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    static func client(_ transport: ScriptedTransport, sleeps: SleepLog = SleepLog(), limits: GraphLimits = GraphLimits(),
                       clock: TestClock = TestClock(), configuration: GraphConfiguration = configuration) -> GraphClient {
        GraphClient(configuration: configuration, limits: limits, transport: transport,
                    sleep: { sleeps.values.append($0); clock.now += $0 }, now: { clock.now })
    }
}
