import Foundation

/// Removes secrets (the client secret, bearer tokens) from any text before it is shown: an error
/// body may echo the request that carried them.
public struct Redactor: Sendable {
    private var secrets: [String] = []

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
        for form in forms where !secrets.contains(form) { secrets.append(form) }
        secrets.sort { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: "[redacted]") }
        // Any bearer token, even one this process did not see.
        if let regex = try? NSRegularExpression(pattern: "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+") {
            result = regex.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: "$1[redacted]")
        }
        return result
    }
}
