import DDIKit

/// The identities an inventory names (holders, owners, resource accounts, queue agents, call
/// targets) and those of a directory export: what `ddi offboard` accepts, and where a mistyped
/// identity finds its did-you-mean.
public struct KnownIdentities: Sendable {
    /// Normalized identity → as first written.
    private var names: [String: String] = [:]

    /// `directory`: the UPNs of a directory export (Get-CsOnlineUser / Graph users), when one was read.
    public init(inventory: Inventory, directory: [String] = []) {
        for entry in inventory.numbers {
            if let holder = entry.assignedTo?.value { add(holder) }
            if let owner = entry.owner?.value, Identity.looksLikeUPN(owner) { add(owner) }
        }
        for routing in inventory.routing {
            if let account = routing.resourceAccount?.value { add(account) }
            for agent in routing.agents { add(agent.value) }
            for link in routing.links {
                switch link.target {
                case .user(let upn), .voicemail(let upn): add(upn)
                default: break
                }
            }
        }
        for upn in directory { add(upn) }
    }

    private mutating func add(_ identity: String) {
        let key = Identity.normalized(identity)
        if names[key] == nil { names[key] = identity }
    }

    public func contains(_ identity: String) -> Bool { names[Identity.normalized(identity)] != nil }

    /// ` (did you mean 'x'?)` or nothing.
    public func hint(for identity: String) -> String {
        DidYouMean.hint(for: identity, among: names.values.sorted())
    }
}
