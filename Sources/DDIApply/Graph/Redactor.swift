import Foundation

/// Removes secrets from any text before it is shown: the client secret and access tokens this
/// process knows (and their percent-encoded forms), and anything shaped like a credential even if
/// this process never saw it (`Bearer xyz`, `"access_token":"..."`, `client_secret=...`). An error
/// body may echo the request that carried them. Redaction always comes before truncation
/// (`shortened`): cutting first once left half a secret that no longer matched.
public struct Redactor: Sendable {
    private var secrets: [String] = []
    static let marker = "[redacted]"

    public init(_ secrets: [String] = []) {
        for secret in secrets { add(secret) }
    }

    public mutating func add(_ secret: String) {
        guard secret.count >= 4 else { return }
        var forms = [secret]
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { forms.append(encoded) }
        var unreserved = CharacterSet.alphanumerics
        unreserved.insert(charactersIn: "-._~")
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: unreserved) { forms.append(encoded) }
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) { forms.append(encoded) }
        // A JSON body may escape `/` as `\/`.
        forms.append(secret.replacingOccurrences(of: "/", with: "\\/"))
        for form in forms where !secrets.contains(form) { secrets.append(form) }
        secrets.sort { $0.count > $1.count }
    }

    /// Credential shapes, each keeping its name and replacing its value.
    private static let shapes: [NSRegularExpression] = [
        #"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"#,
        #"(?i)("(?:access_token|refresh_token|id_token|client_secret|client_assertion|password)"\s*:\s*")(?:[^"\\]|\\.)*"?"#,
        #"(?i)((?:access_token|refresh_token|id_token|client_secret|client_assertion|password)=)[^&\s"']*"#,
        // A JWT (header.payload.signature, base64url): what Microsoft's access tokens look like.
        #"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: Self.marker) }
        for shape in Self.shapes {
            let template = shape.numberOfCaptureGroups > 0 ? "$1" + Self.marker : Self.marker
            result = shape.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }

    /// Redacted first, then cut to at most `limit` characters (marked with an ellipsis).
    public func shortened(_ text: String, limit: Int = 300) -> String {
        let redacted = redact(text)
        guard redacted.count > limit else { return redacted }
        return String(redacted.prefix(limit)) + "…"
    }
}
