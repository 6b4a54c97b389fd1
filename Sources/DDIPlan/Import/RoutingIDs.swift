import DDIKit

/// Routing ids for resource accounts: the UPN's local part, made a valid id and unique.
struct RoutingIDs {
    private var byAccount: [String: String] = [:]
    private var used: Set<String> = []

    static func routingType(of kind: NumberKind) -> RoutingType? {
        switch kind {
        case .autoAttendant: .autoAttendant
        case .callQueue: .callQueue
        default: nil
        }
    }

    mutating func id(for account: String) -> (id: String, isNew: Bool) {
        let key = Identity.normalized(account)
        if let existing = byAccount[key] { return (existing, false) }
        let local = key.split(separator: "@").first.map(String.init) ?? key
        var base = String(local.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "._-".contains($0) ? $0 : "-" })
        while let first = base.first, !(first.isASCII && (first.isLetter || first.isNumber)) { base.removeFirst() }
        base = String(base.prefix(56))
        if base.isEmpty { base = "routing" }
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        byAccount[key] = candidate
        return (candidate, true)
    }
}
