/// Where a routing step sends a call.
public enum RoutingTarget: Sendable, Equatable {
    case routing(String)
    case user(String)
    case voicemail(String)
    case external(String)
    case invalid(String)

    public init(text: String) {
        if text.hasPrefix("voicemail:") {
            let upn = String(text.dropFirst("voicemail:".count))
            self = upn.contains("@") ? .voicemail(upn) : .invalid(text)
        } else if text.hasPrefix("external:") {
            self = .external(String(text.dropFirst("external:".count)))
        } else if text.contains("@") {
            self = .user(text)
        } else if RoutingTarget.isIdentifier(text) {
            self = .routing(text)
        } else {
            self = .invalid(text)
        }
    }

    /// A target that ends the call path at a person, a mailbox or a number outside Teams routing.
    public var isExit: Bool {
        switch self {
        case .user, .voicemail, .external: true
        case .routing, .invalid: false
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 64 else { return false }
        func allowed(_ byte: UInt8, leading: Bool) -> Bool {
            (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
                || (!leading && (byte == 45 || byte == 46 || byte == 95))
        }
        guard allowed(first, leading: true) else { return false }
        return text.utf8.dropFirst().allSatisfy { allowed($0, leading: false) }
    }
}

/// One named step of a routing field (`business_hours: cq-reception`).
public struct RoutingLink: Sendable {
    public var field: String
    public var text: Located<String>
    public var target: RoutingTarget { RoutingTarget(text: text.value) }
}

/// An auto attendant or call queue (`routing:` entry).
public struct RoutingEntry: Sendable {
    public var id: Located<String>
    public var type: Located<RoutingType>?
    public var resourceAccount: Located<String>?
    public var links: [RoutingLink]
    public var agents: [Located<String>]
    public var owner: String?
    public var department: String?
    public var note: String?
    public var location: SourceLocation
}
