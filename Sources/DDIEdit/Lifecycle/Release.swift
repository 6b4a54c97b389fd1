import DDIKit

extension Lifecycle {
    /// Fields an assigned entry loses when it goes to quarantine: they describe the assignment, which
    /// has ended. Who held the number, its kind and department go into the `note`, and git keeps the
    /// rest; `owner` stays when it names a function or team rather than the person who left.
    static let assignmentFields = [
        "kind", "assigned_to", "department", "routing", "category", "location_id", "license", "tags",
        "reviewed", "handover", "since", "until", "reason",
    ]

    /// Puts assigned numbers in quarantine from today (ddi release).
    public static func release(_ numbers: [PhoneNumber], in workspace: EditWorkspace) throws -> EditResult {
        guard !numbers.isEmpty else { throw EditError.invalidArgument("name at least one number to release") }
        var entries: [NumberEntry] = []
        for number in numbers {
            guard let entry = workspace.entry(number: number) else {
                if let block = workspace.inventory.numbers.first(where: { $0.isBlock && $0.span?.contains(NumberSpan(single: number)) == true }) {
                    throw EditError.wrongStatus(number.description, "it is part of block \(block.text.value) (\(block.status?.value.rawValue ?? "no status")) at \(block.location), not assigned")
                }
                throw EditError.unknownNumber(number.description)
            }
            guard entry.status?.value == .assigned else {
                throw EditError.wrongStatus(number.description, "it is \(entry.status?.value.rawValue ?? "without status") at \(entry.location), not assigned: only assigned numbers are released")
            }
            if !entries.contains(where: { $0.location == entry.location }) { entries.append(entry) }
        }
        return try releasing(entries, in: workspace)
    }

    static func releasing(_ entries: [NumberEntry], in workspace: EditWorkspace) throws -> EditResult {
        var batch = EditBatch(workspace)
        var actions: [String] = []
        let today = workspace.today
        for entry in entries {
            let node = try batch.node(of: entry)
            let holder = entry.assignedTo?.value ?? "an unknown identity"
            let personal = entry.owner.map { Identity.normalized($0.value) == Identity.normalized(holder) } ?? false
            var details = [entry.kind?.value.rawValue, entry.department].compactMap { $0 }
            if details == ["user"] { details = [] }
            var note = "released from \(holder)\(details.isEmpty ? "" : " (\(details.joined(separator: ", ")))") on \(today)"
            if let old = entry.note, !old.isEmpty { note += "; was: \(old)" }
            try batch.edit(entry.location.file) { editor in
                try editor.set("status", to: .text(NumberStatus.quarantine.rawValue), in: node)
                for key in assignmentFields where key != "since" { try editor.remove(key, from: node) }
                if personal { try editor.remove("owner", from: node) }
                if node.pair("since") != nil {
                    try editor.set("since", to: .date(today), in: node)
                } else {
                    try editor.set("since", to: .date(today), in: node, after: ["status"])
                }
                try editor.set("note", to: .text(note), in: node)
            }
            let ends = workspace.policy.quarantineEnd(since: today)
            actions.append("\(entry.text.value): released from \(holder), in quarantine until \(ends) (\(entry.location.file))")
        }
        let numbers = entries.compactMap { $0.span?.first }
        return try batch.finish(numbers: entries.map(\.text.value), actions: actions) { reloaded in
            try expect(reloaded, numbers: numbers, status: .quarantine)
        }
    }

    /// Releases every number assigned to `identity` (ddi offboard), and names what else still refers to
    /// it: routing entries and numbers it owns, which need a person's decision. An identity that
    /// neither the inventory nor `directory` (the UPNs of a directory export) names is refused as
    /// unknown, with a did-you-mean: a typo must not look like a leaver with no numbers.
    public static func offboard(_ identity: String, in workspace: EditWorkspace, directory: [String] = []) throws -> EditResult {
        let wanted = Identity.normalized(identity)
        guard Identity.looksLikeUPN(identity) else {
            throw EditError.invalidArgument("'\(identity)' is not a Teams identity (name@contoso.com)")
        }
        let inventory = workspace.inventory
        let known = KnownIdentities(inventory: inventory, directory: directory)
        guard known.contains(identity) else { throw EditError.unknownIdentity(identity, known.hint(for: identity)) }
        let assigned = inventory.numbers.filter {
            $0.status?.value == .assigned && $0.assignedTo.map { Identity.normalized($0.value) } == wanted
        }
        var notices: [String] = []
        for entry in inventory.numbers where !assigned.contains(where: { $0.location == entry.location }) {
            if let owner = entry.owner, Identity.normalized(owner.value) == wanted {
                notices.append("\(entry.location): \(entry.text.value) (\(entry.status?.value.rawValue ?? "no status")) is still owned by \(identity): give it a new owner")
            }
        }
        for routing in inventory.routing {
            if let account = routing.resourceAccount, Identity.normalized(account.value) == wanted {
                notices.append("\(routing.location): routing \(routing.id.value) uses \(identity) as its resource account")
            }
            for agent in routing.agents where Identity.normalized(agent.value) == wanted {
                notices.append("\(agent.location): \(identity) is an agent of \(routing.id.value)")
            }
            for link in routing.links {
                switch link.target {
                case .user(let upn), .voicemail(let upn):
                    if Identity.normalized(upn) == wanted {
                        notices.append("\(link.text.location): \(routing.id.value) \(link.field) sends calls to \(link.text.value)")
                    }
                default: break
                }
            }
        }
        guard !assigned.isEmpty else {
            var result = EditResult(changes: [], numbers: [], actions: [])
            result.notices = notices
            return result
        }
        var result = try releasing(assigned, in: workspace)
        result.notices = notices
        return result
    }
}
