import Foundation

/// Where and as whom to call Microsoft Graph: only from the environment (DESIGN 6).
public struct GraphConfiguration: Sendable {
    public var graphBase: URL
    public var loginBase: URL
    public var tenantID: String
    public var clientID: String
    public var clientSecret: String

    public static let variables = ["DDI_GRAPH_TENANT_ID", "DDI_GRAPH_CLIENT_ID", "DDI_GRAPH_CLIENT_SECRET"]

    public static func fromEnvironment(_ environment: [String: String]) throws(ApplyRefusal) -> GraphConfiguration {
        let missing = variables.filter { (environment[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw ApplyRefusal("the Graph provider needs \(missing.joined(separator: ", ")) in the environment (an app registration with TeamsTelephoneNumber.ReadWrite.All and User.Read.All)")
        }
        let graph = environment["DDI_GRAPH_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://graph.microsoft.com/v1.0"
        let login = environment["DDI_LOGIN_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://login.microsoftonline.com"
        guard let graphURL = URL(string: graph.hasSuffix("/") ? String(graph.dropLast()) : graph), graphURL.scheme != nil, graphURL.host != nil else {
            throw ApplyRefusal("DDI_GRAPH_BASE_URL is not a URL")
        }
        guard let loginURL = URL(string: login.hasSuffix("/") ? String(login.dropLast()) : login), loginURL.scheme != nil, loginURL.host != nil else {
            throw ApplyRefusal("DDI_LOGIN_BASE_URL is not a URL")
        }
        let tenant = environment["DDI_GRAPH_TENANT_ID"] ?? ""
        guard tenant.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
            throw ApplyRefusal("DDI_GRAPH_TENANT_ID must be a tenant id or domain name")
        }
        return GraphConfiguration(graphBase: graphURL, loginBase: loginURL, tenantID: tenant,
                                  clientID: environment["DDI_GRAPH_CLIENT_ID"] ?? "", clientSecret: environment["DDI_GRAPH_CLIENT_SECRET"] ?? "")
    }
}

/// How long to wait and how often to try again.
public struct RetryPolicy: Sendable {
    /// Attempts for one request that keeps failing with 5xx or a transport error.
    public var maxAttempts = 5
    public var initialBackoff = 0.5
    public var maxBackoff = 30.0
    /// Total seconds one request may spend waiting on 429 `Retry-After`.
    public var maxThrottleWait = 300.0
    /// Polls of one long-running operation before giving up.
    public var maxPolls = 120
    public var defaultPollInterval = 2.0
    public init() {}
}

/// A failure talking to Graph; the message never carries a secret.
public struct GraphError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

/// Microsoft Graph over HTTP: client-credentials token, 429 and 5xx handling, 202 + operation
/// polling, paging. Sleeping goes through `sleep` so tests need not wait.
public final class GraphClient {
    public let configuration: GraphConfiguration
    let transport: HTTPTransport
    let policy: RetryPolicy
    let sleep: (Double) -> Void
    public private(set) var redactor: Redactor
    private var token: String?

    public init(configuration: GraphConfiguration, transport: HTTPTransport = URLSessionTransport(), policy: RetryPolicy = RetryPolicy(),
                sleep: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.configuration = configuration
        self.transport = transport
        self.policy = policy
        self.sleep = sleep
        redactor = Redactor([configuration.clientSecret])
    }

    func fail(_ message: String) -> GraphError { GraphError(message: redactor.redact(message)) }

    // MARK: token

    func accessToken() throws(GraphError) -> String {
        if let token { return token }
        let url = configuration.loginBase.appendingPathComponent(configuration.tenantID).appendingPathComponent("oauth2/v2.0/token")
        let form = [("grant_type", "client_credentials"), ("client_id", configuration.clientID),
                    ("client_secret", configuration.clientSecret), ("scope", "https://graph.microsoft.com/.default")]
        let body = form.map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
        let response = try send(request, authorized: false)
        guard response.status == 200 else {
            throw fail("the token request was refused (HTTP \(response.status)): \(Self.errorText(response.body))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let value = object["access_token"] as? String, !value.isEmpty else {
            throw fail("the token response has no access_token")
        }
        redactor.add(value)
        token = value
        return value
    }

    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    // MARK: requests

    /// Sends a request, waiting out 429 (`Retry-After`) and retrying 5xx and transport errors with
    /// exponential backoff, each with a cap. Other statuses are returned to the caller.
    func send(_ base: HTTPRequest, authorized: Bool = true) throws(GraphError) -> HTTPResponse {
        var attempts = 0
        var throttled = 0.0
        var backoff = policy.initialBackoff
        while true {
            var request = base
            if authorized { request.headers["Authorization"] = "Bearer " + (try accessToken()) }
            attempts += 1
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                guard attempts < policy.maxAttempts else {
                    throw fail("\(base.method) \(base.url.path) failed after \(attempts) attempts: \(error.localizedDescription)")
                }
                sleep(backoff)
                backoff = min(backoff * 2, policy.maxBackoff)
                continue
            }
            if response.status == 429 {
                let wait = min(max(Double(response.header("Retry-After") ?? "") ?? policy.initialBackoff, 0), policy.maxThrottleWait)
                guard throttled + wait <= policy.maxThrottleWait else {
                    throw fail("\(base.method) \(base.url.path) is still throttled (HTTP 429) after waiting \(Int(throttled)) s")
                }
                throttled += wait
                sleep(wait)
                continue
            }
            if response.status >= 500 {
                guard attempts < policy.maxAttempts else {
                    throw fail("\(base.method) \(base.url.path) failed with HTTP \(response.status) \(attempts) times: \(Self.errorText(response.body))")
                }
                sleep(backoff)
                backoff = min(backoff * 2, policy.maxBackoff)
                continue
            }
            return response
        }
    }

    func url(_ path: String) -> URL { configuration.graphBase.appendingPathComponent(path) }

    /// The text of a Graph or identity-platform error body, shortened.
    static func errorText(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any] {
                return [error["code"] as? String, error["message"] as? String].compactMap { $0 }.joined(separator: ": ")
            }
            if let code = object["error"] as? String {
                return [code, object["error_description"] as? String].compactMap { $0 }.joined(separator: ": ")
            }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.isEmpty ? "(no body)" : text
    }

    /// POSTs an action; a 202 with `Location` is polled until the operation succeeds or fails.
    public func performAction(_ path: String, body: [String: Any]) throws(GraphError) {
        guard let data = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) else {
            throw fail("cannot encode the request to \(path)")
        }
        let response = try send(HTTPRequest(method: "POST", url: url(path), headers: ["Content-Type": "application/json"], body: data))
        switch response.status {
        case 200, 204:
            return
        case 202:
            guard let location = response.header("Location"), let operationURL = resolve(location) else { return }
            try poll(operationURL, initialDelay: response.header("Retry-After").flatMap(Double.init))
        default:
            throw fail("\(path) was refused (HTTP \(response.status)): \(Self.errorText(response.body))")
        }
    }

    /// A URL from the server, accepted only on the Graph host (the token is never sent elsewhere).
    func resolve(_ text: String) -> URL? {
        guard let url = URL(string: text, relativeTo: configuration.graphBase)?.absoluteURL else { return nil }
        guard url.scheme == configuration.graphBase.scheme, url.host == configuration.graphBase.host,
              url.port == configuration.graphBase.port else { return nil }
        return url
    }

    func poll(_ operationURL: URL, initialDelay: Double?) throws(GraphError) {
        var delay = initialDelay ?? policy.defaultPollInterval
        for _ in 0..<policy.maxPolls {
            sleep(min(max(delay, 0), 60))
            let response = try send(HTTPRequest(method: "GET", url: operationURL))
            guard response.status == 200 else {
                throw fail("polling \(operationURL.path) gave HTTP \(response.status): \(Self.errorText(response.body))")
            }
            let object = (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:]
            let status = (object["status"] as? String ?? "").lowercased()
            switch status {
            case "succeeded", "skipped":
                return
            case "failed":
                var reason = Self.errorText(response.body)
                if let error = object["error"] as? [String: Any] { reason = [error["code"] as? String, error["message"] as? String].compactMap { $0 }.joined(separator: ": ") }
                throw fail("the operation failed: \(reason)")
            default:
                delay = response.header("Retry-After").flatMap(Double.init) ?? policy.defaultPollInterval
            }
        }
        throw fail("the operation \(operationURL.path) did not finish after \(policy.maxPolls) polls")
    }

    /// GETs a collection, following `@odata.nextLink` (bounded), and returns every item.
    public func getAll(_ path: String, query: [URLQueryItem], maxPages: Int = 100_000) throws(GraphError) -> [[String: Any]] {
        guard var components = URLComponents(url: url(path), resolvingAgainstBaseURL: false) else { throw fail("bad path \(path)") }
        // `+` must be encoded: servers read a literal `+` in a query as a space.
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "+&=;#")
        components.percentEncodedQuery = query.isEmpty ? nil : query.map { item in
            "\(item.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\((item.value ?? "").addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        guard var next = components.url else { throw fail("bad path \(path)") }
        var items: [[String: Any]] = []
        for _ in 0..<maxPages {
            let response = try send(HTTPRequest(method: "GET", url: next))
            guard response.status == 200 else {
                throw fail("GET \(path) gave HTTP \(response.status): \(Self.errorText(response.body))")
            }
            guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
                  let value = object["value"] as? [[String: Any]] else {
                throw fail("GET \(path) did not return a collection page")
            }
            items += value
            guard let link = object["@odata.nextLink"] as? String else { return items }
            guard let resolved = resolve(link) else { throw fail("GET \(path): @odata.nextLink points outside the Graph base URL") }
            next = resolved
        }
        throw fail("GET \(path) has more than \(maxPages) pages")
    }

    /// The current assignment of one number, nil when the tenant does not have it.
    public func numberAssignment(_ number: String) throws(GraphError) -> [String: Any]? {
        let items = try getAll(GraphPaths.numberAssignments, query: [URLQueryItem(name: "$filter", value: "telephoneNumber eq '\(number)'")], maxPages: 5)
        return items.first { ($0["telephoneNumber"] as? String) == number }
    }
}

public enum GraphPaths {
    public static let numberAssignments = "admin/teams/telephoneNumberManagement/numberAssignments"
    public static let assignNumber = numberAssignments + "/assignNumber"
    public static let unassignNumber = numberAssignments + "/unassignNumber"
    public static let updateNumber = numberAssignments + "/updateNumber"
    public static let users = "users"
}
