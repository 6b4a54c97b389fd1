import Foundation

/// An access token and the moment to stop using it.
struct AccessToken {
    let value: String
    let renewAt: Date
}

extension GraphClient {
    /// The cached token, or a new one when none is cached or it is within `tokenRefreshMargin` of
    /// its `expires_in` (at most half its life early). A token response without `expires_in` is
    /// used for one request only.
    /// Client-credentials token response (`access_token`, `expires_in` in seconds):
    /// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
    func accessToken() throws(GraphError) -> String {
        if let token, now() < token.renewAt { return token.value }
        token = nil
        let url = configuration.loginBase.appendingPathComponent(configuration.tenantID).appendingPathComponent("oauth2/v2.0/token")
        let form = [("grant_type", "client_credentials"), ("client_id", configuration.clientID),
                    ("client_secret", configuration.clientSecret), ("scope", "https://graph.microsoft.com/.default")]
        let body = form.map { "\($0.0)=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(method: "POST", url: url, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
        let obtained = now()
        let response = try send(request, authorized: false)
        guard response.status == 200 else {
            throw fail("the token request was refused (HTTP \(response.status)): \(errorText(response.body))")
        }
        guard let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
              let value = object["access_token"] as? String, !value.isEmpty else {
            throw fail("the token response has no access_token")
        }
        redactor.add(value)
        let lifetime = (object["expires_in"] as? NSNumber)?.doubleValue ?? (object["expires_in"] as? String).flatMap(Double.init) ?? 0
        let usable = lifetime.isFinite && lifetime > 0 ? lifetime - min(limits.tokenRefreshMargin, lifetime / 2) : 0
        token = AccessToken(value: value, renewAt: obtained.addingTimeInterval(usable))
        return value
    }

    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
