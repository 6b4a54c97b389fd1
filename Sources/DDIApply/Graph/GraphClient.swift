import Foundation

/// A failure talking to Graph; the message never carries a secret.
public struct GraphError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}

/// Microsoft Graph over HTTP: client-credentials token, bounded retries, 202 + operation polling,
/// paging. Credentials go only to the configured origins and never follow a redirect (DESIGN 12,
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

    // MARK: requests

    /// Sends a request, waiting out 429 (`Retry-After`), retrying 5xx and transport errors with
    /// exponential backoff and a 401 once with a fresh token, all within `limits`. A redirect is
    /// refused. Other statuses are returned to the caller.
    /// Throttling: https://learn.microsoft.com/graph/throttling (wait `Retry-After`, else back off).
    func send(_ base: HTTPRequest, authorized: Bool = true) throws(GraphError) -> HTTPResponse {
        try checkDestination(base.url, authorized: authorized)
        let what = "\(base.method) \(base.url.path)"
        var attempts = 0
        var failures = 0
        var waited = 0.0
        var backoff = limits.initialBackoff
        var refreshedToken = false
        while true {
            var request = base
            if authorized { request.headers["Authorization"] = "Bearer " + (try accessToken()) }
            attempts += 1
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                failures += 1
                let reason = describe(error)
                let retryable = (error as? HTTPTransportError)?.isRetryable ?? true
                guard retryable, failures < limits.maxAttempts, attempts < limits.maxTotalAttempts, waited + backoff <= limits.maxRetryWait else {
                    throw fail("\(what) failed after \(attempts) attempt(s): \(reason)")
                }
                waited += backoff
                sleep(backoff)
                backoff = min(backoff * 2, limits.maxBackoff)
                continue
            }
            guard response.body.count <= limits.maxResponseBytes else {
                throw fail("\(what): \(HTTPTransportError.responseTooLarge(limit: limits.maxResponseBytes))")
            }
            switch response.status {
            case 300..<400:
                throw redirectRefusal(what, response)
            case 401 where authorized:
                guard !refreshedToken, attempts < limits.maxTotalAttempts else {
                    throw fail("\(what) was refused (HTTP 401) with a fresh access token: \(errorText(response.body))")
                }
                refreshedToken = true
                token = nil
            case 429:
                let wait = Self.retryAfter(response).map { min($0, limits.maxRetryWait) } ?? backoff
                guard attempts < limits.maxTotalAttempts, waited + wait <= limits.maxRetryWait else {
                    throw fail("\(what) is still throttled (HTTP 429) after \(attempts) attempt(s) and \(HTTPTransportError.seconds(waited)) s of waiting")
                }
                waited += wait
                sleep(wait)
            case 500...:
                failures += 1
                guard failures < limits.maxAttempts, attempts < limits.maxTotalAttempts, waited + backoff <= limits.maxRetryWait else {
                    let count = failures == attempts ? "\(failures) times" : "after \(attempts) attempts"
                    throw fail("\(what) failed with HTTP \(response.status) \(count): \(errorText(response.body))")
                }
                waited += backoff
                sleep(backoff)
                backoff = min(backoff * 2, limits.maxBackoff)
            default:
                return response
            }
        }
    }

    /// ddi never follows a redirect: a request carrying credentials must not be re-sent to a
    /// place a response names, not even on the same origin.
    func redirectRefusal(_ what: String, _ response: HTTPResponse) -> GraphError {
        let location = response.header("Location") ?? ""
        let origin = URL(string: location, relativeTo: configuration.graphBase).flatMap { GraphOrigin($0.absoluteURL) }
        let target: String
        if let origin, origin != GraphOrigin(configuration.graphBase), origin != GraphOrigin(configuration.loginBase) {
            target = "to another origin (\(origin.scheme)://\(origin.host):\(origin.port))"
        } else {
            target = location.isEmpty ? "without a Location" : "to \(redactor.shortened(location, limit: 120))"
        }
        return fail("\(what) answered with a redirect (HTTP \(response.status)) \(target); refused: ddi never follows redirects with credentials")
    }

    /// `Retry-After` in seconds when it is a finite, non-negative number (not `nan`, not `inf`);
    /// the HTTP-date form falls back to backoff.
    static func retryAfter(_ response: HTTPResponse) -> Double? {
        guard let value = Double(response.header("Retry-After") ?? ""), value.isFinite, value >= 0 else { return nil }
        return value
    }

    /// A transport failure in words: a timeout says how long Graph was given, never
    /// `NSURLErrorDomain error -1001`.
    func describe(_ error: any Error) -> String {
        if let transportError = error as? HTTPTransportError { return transportError.description }
        if let urlError = error as? URLError, urlError.code == .timedOut {
            return HTTPTransportError.timedOut(seconds: limits.requestTimeout).description
        }
        return error.localizedDescription
    }
}

public enum GraphPaths {
    public static let numberAssignments = "admin/teams/telephoneNumberManagement/numberAssignments"
    public static let assignNumber = numberAssignments + "/assignNumber"
    public static let unassignNumber = numberAssignments + "/unassignNumber"
    public static let updateNumber = numberAssignments + "/updateNumber"
    public static let users = "users"
}
