import Foundation

/// Scheme, host and port of a URL: the only place credentials may go (README "Security").
struct GraphOrigin: Equatable, Sendable {
    let scheme: String
    let host: String
    let port: Int

    /// nil unless the URL is http(s) with a host; a missing port is the scheme's default.
    init?(_ url: URL) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              var host = components.host?.lowercased(), !host.isEmpty else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.scheme = scheme
        self.host = host
        port = components.port ?? (scheme == "https" ? 443 : 80)
    }

    /// 127.0.0.0/8 written as four decimal octets, ::1, or localhost: nothing a resolver or a
    /// look-alike name (127.0.0.1.example.com) could send off the machine.
    var isLoopback: Bool {
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(octet), value <= 255 else { return false }
        }
        return octets.first == "127"
    }
}

/// Which URLs a server may send ddi to (`@odata.nextLink`, a 202's `Location`): resolved
/// against the Graph base, dot segments removed, and accepted only on the base's origin and
/// under its API root path (for example `/v1.0/`), so that a hostile answer can neither take the
/// token elsewhere nor walk out of the API with `/v1.0/../../x`.
struct GraphURLPolicy: Sendable {
    let base: URL
    let origin: GraphOrigin?
    /// The base path with one trailing slash: every accepted path starts with it.
    let root: String

    init(base: URL) {
        self.base = base
        origin = GraphOrigin(base)
        var path = URLComponents(url: base, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        root = path + "/"
    }

    enum Refusal: Error, Equatable {
        case notAURL
        case otherOrigin
        case outsideRoot
    }

    func resolve(_ text: String) -> Result<URL, Refusal> {
        guard !text.isEmpty, let relative = URL(string: text, relativeTo: base)?.absoluteURL,
              var components = URLComponents(url: relative, resolvingAgainstBaseURL: true) else { return .failure(.notAURL) }
        guard let origin, GraphOrigin(relative) == origin, components.user == nil, components.password == nil else { return .failure(.otherOrigin) }
        guard let path = Self.removingDotSegments(components.percentEncodedPath), path.hasPrefix(root) else { return .failure(.outsideRoot) }
        components.percentEncodedPath = path
        components.fragment = nil
        guard let url = components.url else { return .failure(.notAURL) }
        return .success(url)
    }

    /// RFC 3986 section 5.2.4 on a percent-encoded path. nil when a segment is a dot segment or
    /// a slash in disguise (`%2e%2e`, `%2f`, `\`): servers differ in whether they decode those
    /// first, so such a path is refused rather than guessed.
    static func removingDotSegments(_ path: String) -> String? {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            let lowered = segment.lowercased()
            if lowered.contains("%2f") || lowered.contains("%5c") || segment.contains("\\") { return nil }
            let decoded = segment.removingPercentEncoding ?? String(segment)
            if decoded != String(segment), decoded == "." || decoded == ".." { return nil }
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return joined.hasPrefix("/") || joined.isEmpty ? joined : "/" + joined
    }
}
