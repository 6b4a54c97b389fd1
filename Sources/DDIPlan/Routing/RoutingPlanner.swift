import DDIKit

/// Plans routing (README "Routing"): each routing entry is matched to a live auto attendant or call queue
/// by its resource account (by name when no live object has that account yet), and only the fields
/// the entry declares are compared (octoDNS style: what ddi does not manage, it does not touch).
struct RoutingPlanner {
    let entries: [RoutingEntry]
    let live: LiveRouting
    let directory: Directory
    var actions: [RoutingAction] = []
    var findings: [PlanFinding] = []
    private var matched: Set<String> = []

    init(entries: [RoutingEntry], live: LiveRouting, directory: Directory) {
        self.entries = entries
        self.live = live
        self.directory = directory
    }

    static func plan(inventory: Inventory, snapshot: LiveSnapshot) -> (RoutingPlan, [PlanFinding]) {
        var planner = RoutingPlanner(entries: inventory.routing, live: snapshot.routing, directory: snapshot.directory)
        planner.run()
        return (RoutingPlan(actions: planner.actions.sorted { $0.id < $1.id }), planner.findings)
    }

    mutating func run() {
        var missing: [String] = []
        if live.autoAttendants == nil, entries.contains(where: { $0.type?.value == .autoAttendant }) { missing.append("Get-CsAutoAttendant") }
        if live.callQueues == nil, entries.contains(where: { $0.type?.value == .callQueue }) { missing.append("Get-CsCallQueue") }
        if !missing.isEmpty {
            // A note on the snapshot as a whole: no number or entry to name.
            findings.append(PlanFinding(kind: .routing, severity: .info, number: "",
                message: "routing was not planned for what the \(missing.joined(separator: " and ")) export would show: the snapshot has no such export (export it with ConvertTo-Json -Depth 10 -EnumsAsStrings, see the README)",
                declaredAt: nil, live: nil))
        }
        for entry in entries {
            guard let type = entry.type?.value else { continue }
            switch type {
            case .callQueue: if let queues = live.callQueues { planQueue(entry, queues) }
            case .autoAttendant: if let attendants = live.autoAttendants { planAttendant(entry, attendants) }
            }
        }
        for queue in live.callQueues ?? [] where !matched.contains(queue.id) {
            undeclared("call queue", name: queue.name, id: queue.id, origin: queue.origin)
        }
        for attendant in live.autoAttendants ?? [] where !matched.contains(attendant.id) {
            undeclared("auto attendant", name: attendant.name, id: attendant.id, origin: attendant.origin)
        }
    }

    // MARK: matching

    /// The live object with the entry's resource account; else the one named like the entry, whose
    /// association is then a change. Nil (with a finding) when neither exists.
    private mutating func match<Object>(_ entry: RoutingEntry, in objects: [Object], noun: String, id: (Object) -> String, name: (Object) -> String,
                                        instances: (Object) -> [String]) -> (Object, association: RoutingChange?)? {
        let account = entry.resourceAccount.flatMap { directory.account(upn: $0.value) }
        if let upn = entry.resourceAccount?.value, account == nil {
            add(.error, entry, "the resource account \(upn) is not in the tenant (not in the directory export): the \(noun) cannot be matched or associated; create the resource account, or export Get-CsOnlineApplicationInstance again")
            return nil
        }
        if let account, let object = objects.first(where: { instances($0).contains(account.objectID) }) {
            return (object, nil)
        }
        let wanted = entry.id.value.asciiFolded
        guard let object = objects.first(where: { name($0).asciiFolded == wanted && !matched.contains(id($0)) }) else {
            add(.warning, entry, "no live \(noun) has the resource account \(entry.resourceAccount?.value ?? "(none declared)") or the name \(entry.id.value): ddi does not create \(noun)s; create it in Teams, then export again")
            return nil
        }
        guard let account else { return (object, nil) }
        let before = instances(object).map { directory.upn(of: $0) ?? "object id \($0)" }
        let change = RoutingChange(field: .resourceAccount,
                                   before: RoutingValue(text: before.isEmpty ? "not associated" : "[" + before.joined(separator: ", ") + "]", ids: instances(object)),
                                   after: RoutingValue(text: account.upn, ids: [account.objectID]))
        return (object, change)
    }

    // MARK: call queues

    private mutating func planQueue(_ entry: RoutingEntry, _ queues: [LiveCallQueue]) {
        guard let found = match(entry, in: queues, noun: "call queue", id: \.id, name: \.name, instances: \.applicationInstances) else { return }
        let (queue, association) = found
        matched.insert(queue.id)
        var changes: [RoutingChange] = association.map { [$0] } ?? []
        if let change = agentsChange(entry, live: queue.agents) { changes.append(change) }
        for link in entry.links {
            let live: (field: RoutingField, action: String?, target: LiveCallTarget?)
            switch link.field {
            case "overflow": live = (.overflow, queue.overflowAction, queue.overflowTarget)
            case "timeout": live = (.timeout, queue.timeoutAction, queue.timeoutTarget)
            default: continue
            }
            let (field, action, target) = live
            let before = RoutingValue(text: describe(action: action, target: target), action: action, target: target)
            if let change = linkChange(entry, link, field: field, before: before, forQueue: true) { changes.append(change) }
        }
        flushUnverified(entry)
        guard !changes.isEmpty else { return }
        actions.append(RoutingAction(type: .callQueue, id: entry.id.value, configurationID: queue.id, name: queue.name,
                                     changes: changes, declaredAt: entry.location))
    }

    private mutating func agentsChange(_ entry: RoutingEntry, live: [String]) -> RoutingChange? {
        guard !entry.agents.isEmpty else { return nil }
        var ids: [String] = []
        var unresolved: [String] = []
        for agent in entry.agents {
            guard let account = directory.account(upn: agent.value) else { unresolved.append(agent.value); continue }
            if account.enabled == false {
                add(.warning, entry, "agent \(account.upn) has a disabled account: calls are offered to someone who cannot answer")
            }
            ids.append(account.objectID)
        }
        guard unresolved.isEmpty else {
            add(.warning, entry, "agents \(unresolved.joined(separator: ", ")) are not in the directory export, so the agents are not compared (ddi does not guess object ids)")
            return nil
        }
        guard Set(ids) != Set(live) else { return nil }
        let before = live.map { directory.upn(of: $0) ?? "object id \($0)" }
        return RoutingChange(field: .agents,
                             before: RoutingValue(text: "[" + before.joined(separator: ", ") + "]", ids: live),
                             after: RoutingValue(text: "[" + entry.agents.map(\.value).joined(separator: ", ") + "]", ids: ids))
    }

    // MARK: auto attendants

    private mutating func planAttendant(_ entry: RoutingEntry, _ attendants: [LiveAutoAttendant]) {
        guard let found = match(entry, in: attendants, noun: "auto attendant", id: \.id, name: \.name, instances: \.applicationInstances) else { return }
        let (attendant, association) = found
        matched.insert(attendant.id)
        var changes: [RoutingChange] = association.map { [$0] } ?? []
        for link in entry.links {
            let live: (field: RoutingField, exit: LiveCallFlowExit?)
            switch link.field {
            case "business_hours": live = (.businessHours, attendant.businessHours)
            case "after_hours": live = (.afterHours, attendant.afterHours)
            default: continue
            }
            let field = live.field
            guard let exit = live.exit else {
                add(.warning, entry, "\(link.field) is declared, but the live auto attendant has no \(field == .afterHours ? "after-hours call flow" : "default call flow menu"): ddi changes call targets, it does not build call flows")
                continue
            }
            let before: RoutingValue
            switch exit {
            case .transfer(let target): before = RoutingValue(text: describe(action: nil, target: target), target: target)
            case .other(let what): before = RoutingValue(text: what)
            }
            if let change = linkChange(entry, link, field: field, before: before, forQueue: false) { changes.append(change) }
        }
        flushUnverified(entry)
        guard !changes.isEmpty else { return }
        actions.append(RoutingAction(type: .autoAttendant, id: entry.id.value, configurationID: attendant.id, name: attendant.name,
                                     changes: changes, declaredAt: entry.location))
    }

    // MARK: targets

    private mutating func linkChange(_ entry: RoutingEntry, _ link: RoutingLink, field: RoutingField, before: RoutingValue, forQueue: Bool) -> RoutingChange? {
        let resolution = resolve(link.target, forQueue: forQueue)
        for upn in disabledTargets {
            add(.warning, entry, "\(link.field) sends calls to \(upn), whose account is disabled")
        }
        disabledTargets = []
        switch resolution {
        case .resolved(let after):
            if same(before, after) { return nil }
            return RoutingChange(field: field, before: before, after: after)
        case .unresolved(let reason, let checkable):
            // A target ddi cannot resolve is only an error when the plan must change it.
            let liveIsSharedVoicemail = before.target?.type == .sharedVoicemail || before.action?.lowercased() == "sharedvoicemail"
            if !checkable {
                add(.warning, entry, "\(link.field): \(link.text.value) cannot be checked against the tenant (\(reason)); live: \(before.text)")
            } else if liveIsSharedVoicemail {
                unverified.append("\(link.field) (\(link.text.value); live: \(before.text))")
            } else {
                add(.error, entry, "\(link.field): the tenant has \(before.text), the inventory declares \(link.text.value), and ddi cannot resolve it (\(reason))")
            }
            return nil
        }
    }

    private enum Resolution {
        case resolved(RoutingValue)
        /// `checkable`: a shared voicemail group, which equals any live shared voicemail as far as ddi can tell.
        case unresolved(String, checkable: Bool)
    }

    private mutating func resolve(_ target: RoutingTarget, forQueue: Bool) -> Resolution {
        switch target {
        case .routing(let id):
            guard let other = entries.first(where: { $0.id.value == id }), let upn = other.resourceAccount?.value else {
                return .unresolved("no routing entry \(id) with a resource account", checkable: false)
            }
            guard let account = directory.account(upn: upn) else {
                return .unresolved("\(upn), the resource account of \(id), is not in the directory export", checkable: false)
            }
            return .resolved(RoutingValue(text: "\(id) (\(account.upn))", action: forQueue ? "Forward" : nil,
                                          target: LiveCallTarget(type: .applicationEndpoint, id: account.objectID)))
        case .user(let upn):
            guard let account = directory.account(upn: upn) else {
                return .unresolved("\(upn) is not in the directory export", checkable: false)
            }
            if account.enabled == false, account.isUser { disabledTargets.append(account.upn) }
            return .resolved(RoutingValue(text: account.upn, action: forQueue ? "Forward" : nil,
                                          target: LiveCallTarget(type: .user, id: account.objectID)))
        case .voicemail(let upn):
            if forQueue, let account = directory.account(upn: upn), account.isUser {
                if account.enabled == false { disabledTargets.append(account.upn) }
                return .resolved(RoutingValue(text: "voicemail:\(account.upn)", action: "Voicemail",
                                              target: LiveCallTarget(type: .personalVoicemail, id: account.objectID)))
            }
            return .unresolved("\(upn) is not a user in the directory export, so it is a Microsoft 365 group's shared voicemail, whose group id ddi cannot look up without a groups export", checkable: true)
        case .external(let number):
            return .resolved(RoutingValue(text: "external:\(number)", action: forQueue ? "Forward" : nil,
                                          target: LiveCallTarget(type: .externalPSTN, id: "tel:\(number)")))
        case .invalid(let text):
            return .unresolved("\(text) is not a routing target", checkable: false)
        }
    }

    /// Shared-voicemail targets that could not be checked, reported once per entry by `flushUnverified`.
    private var unverified: [String] = []

    private mutating func flushUnverified(_ entry: RoutingEntry) {
        guard !unverified.isEmpty else { return }
        add(.warning, entry, "cannot check \(unverified.joined(separator: ", ")): a shared voicemail names a Microsoft 365 group, whose id ddi cannot look up without a groups export; these targets are left as they are")
        unverified = []
    }

    /// Identities that a resolved target points at but whose account is disabled (reported by `run`'s caller).
    var disabledTargets: [String] = []

    /// Whether the live value already is the declared one. A live transfer to an auto attendant or
    /// call queue by configuration id equals a declared transfer to its resource account.
    private func same(_ live: RoutingValue, _ declared: RoutingValue) -> Bool {
        if let action = declared.action, live.action?.lowercased() != action.lowercased() { return false }
        guard let wanted = declared.target, let have = live.target else { return false }
        if have.id == wanted.id { return true }
        guard have.type == .configurationEndpoint, wanted.type == .applicationEndpoint else { return false }
        let queue = (self.live.callQueues ?? []).first { $0.id == have.id }?.applicationInstances
        let attendant = (self.live.autoAttendants ?? []).first { $0.id == have.id }?.applicationInstances
        return (queue ?? attendant ?? []).contains(wanted.id)
    }

    /// A live target in words: UPNs and routing ids, never bare object ids when the exports know better.
    private func describe(action: String?, target: LiveCallTarget?) -> String {
        guard let target else { return action.map { $0.lowercased() == "forward" ? "forward (no target)" : $0 } ?? "none" }
        let name: String
        switch target.type {
        case .user, .personalVoicemail:
            name = directory.upn(of: target.id) ?? "object id \(target.id)"
        case .applicationEndpoint:
            let upn = directory.upn(of: target.id)
            let entry = upn.flatMap { upn in entries.first { $0.resourceAccount?.value.asciiFolded == upn.asciiFolded } }
            name = entry.map { "\($0.id.value) (\(upn ?? ""))" } ?? upn ?? "resource account \(target.id)"
        case .configurationEndpoint:
            let liveName = (live.callQueues ?? []).first { $0.id == target.id }?.name ?? (live.autoAttendants ?? []).first { $0.id == target.id }?.name
            name = liveName ?? "configuration \(target.id)"
        case .externalPSTN:
            name = "external:" + (target.id.hasPrefix("tel:") ? String(target.id.dropFirst(4)) : target.id)
        case .sharedVoicemail:
            name = "shared voicemail of group \(target.id)"
        }
        if let action, action.lowercased() == "voicemail" { return "voicemail:\(name)" }
        return name
    }

    // MARK: findings

    private mutating func undeclared(_ noun: String, name: String, id: String, origin: RecordOrigin) {
        findings.append(PlanFinding(kind: .routing, severity: .warning, number: name.isEmpty ? id : name,
            message: "live \(noun) \(name) (\(id)) is declared by no routing entry: ddi leaves it alone; declare it (ddi import writes one) or remove it in Teams",
            declaredAt: nil, live: origin))
    }

    private mutating func add(_ severity: Severity, _ entry: RoutingEntry, _ message: String) {
        findings.append(PlanFinding(kind: .routing, severity: severity, number: entry.id.value, message: message,
                                    declaredAt: entry.location, live: nil))
    }
}
