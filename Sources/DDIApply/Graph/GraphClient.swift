import Foundation

/// Microsoft Graph over HTTP: client-credentials token, bounded retries, 202 + operation polling,
/// paging. Credentials go only to the configured origins and never follow a redirect (README "Security",
/// Trust); every wait, attempt and response size is bounded by `GraphLimits`. Sleeping and the
/// clock go through `sleep` and `now` so tests need not wait.
public final class GraphClient {
    public let configuration: GraphConfiguration
    public let limits: GraphLimits
    let transport: HTTPTransport
    let sleep: (Double) -> Void
    let now: () -> Date
    let graphURLs: GraphURLPolicy
    public internal(set) var redactor: Redactor
    var token: AccessToken?

    public init(configuration: GraphConfiguration, limits: GraphLimits = GraphLimits(), transport: HTTPTransport? = nil,
                sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }, now: @escaping () -> Date = Date.init) {
        self.configuration = configuration
        self.limits = limits
        self.transport = transport ?? URLSessionTransport(limits: limits)
        self.sleep = sleep
        self.now = now
        graphURLs = GraphURLPolicy(base: configuration.graphBase)
        redactor = Redactor([configuration.clientSecret])
    }

    func fail(_ message: String) -> GraphError { GraphError(message: redactor.redact(message)) }

    /// The text of a Graph or identity-platform error body: redacted, then shortened.
    func errorText(_ body: Data) -> String {
        var text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any] {
                text = [error["code"] as? String, error["message"] as? String].compactMap { $0 }.joined(separator: ": ")
            } else if let code = object["error"] as? String {
                text = [code, object["error_description"] as? String].compactMap { $0 }.joined(separator: ": ")
            }
        }
        return text.isEmpty ? "(no body)" : redactor.shortened(text)
    }

    func url(_ path: String) -> URL { configuration.graphBase.appendingPathComponent(path) }

    /// Only the login origin gets the client secret and only the Graph API root gets the token;
    /// http:// only on loopback (a configuration built in code skips `fromEnvironment`'s check).
    func checkDestination(_ url: URL, authorized: Bool) throws(GraphError) {
        let base = authorized ? configuration.graphBase : configuration.loginBase
        guard let origin = GraphOrigin(base), origin.scheme == "https" || origin.isLoopback else {
            throw fail("\(base.absoluteString) is not an https URL (http:// is accepted only for a loopback host)")
        }
        let allowed = authorized ? (try? graphURLs.resolve(url.absoluteString).get()) != nil : GraphOrigin(url) == origin
        guard allowed else { throw fail("refused to send credentials to \(redactor.shortened(url.absoluteString, limit: 120)): not under \(base.absoluteString)") }
    }
}
