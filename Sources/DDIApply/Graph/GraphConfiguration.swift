import Foundation

/// Where and as whom to call Microsoft Graph: only from the environment (README "Applying plans").
public struct GraphConfiguration: Sendable {
    public var graphBase: URL
    public var loginBase: URL
    public var tenantID: String
    public var clientID: String
    public var clientSecret: String

    public static let variables = ["DDI_GRAPH_TENANT_ID", "DDI_GRAPH_CLIENT_ID", "DDI_GRAPH_CLIENT_SECRET"]

    public init(graphBase: URL, loginBase: URL, tenantID: String, clientID: String, clientSecret: String) {
        self.graphBase = graphBase
        self.loginBase = loginBase
        self.tenantID = tenantID
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    public static func fromEnvironment(_ environment: [String: String]) throws(ApplyRefusal) -> GraphConfiguration {
        let missing = variables.filter { (environment[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw ApplyRefusal("the Graph provider needs \(missing.joined(separator: ", ")) in the environment (an app registration with TeamsTelephoneNumber.ReadWrite.All and User.Read.All)")
        }
        let graphURL = try baseURL(environment, "DDI_GRAPH_BASE_URL", default: "https://graph.microsoft.com/v1.0")
        let loginURL = try baseURL(environment, "DDI_LOGIN_BASE_URL", default: "https://login.microsoftonline.com")
        let tenant = environment["DDI_GRAPH_TENANT_ID"] ?? ""
        guard tenant.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }), tenant != ".", tenant != ".." else {
            throw ApplyRefusal("DDI_GRAPH_TENANT_ID must be a tenant id or domain name")
        }
        return GraphConfiguration(graphBase: graphURL, loginBase: loginURL, tenantID: tenant,
                                  clientID: environment["DDI_GRAPH_CLIENT_ID"] ?? "", clientSecret: environment["DDI_GRAPH_CLIENT_SECRET"] ?? "")
    }

    /// A base URL the credentials may go to: https, or http to a loopback host only (a test
    /// server); no user name, password, query or fragment.
    static func baseURL(_ environment: [String: String], _ name: String, default fallback: String) throws(ApplyRefusal) -> URL {
        var text = environment[name].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let origin = GraphOrigin(url), url.query == nil, url.fragment == nil,
              url.user == nil, url.password == nil else {
            throw ApplyRefusal("\(name) is not an http(s) URL with a host (no user, query or fragment)")
        }
        guard origin.scheme == "https" || origin.isLoopback else {
            throw ApplyRefusal("\(name) must use https: http:// is accepted only for a loopback host (127.0.0.1, ::1, localhost), so that credentials never cross a network in clear text")
        }
        return url
    }
}
