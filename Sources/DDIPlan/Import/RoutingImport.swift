import DDIKit

/// `ddi import` with routing exports (README "Importing routing"): each routing entry gets the fields ddi manages,
/// written from the live auto attendant or call queue that has its resource account, so that the
/// fresh inventory plans to no routing changes. A live value the inventory cannot express (a
/// shared voicemail, whose group address no export gives; a disconnect) is left undeclared, and
/// so unmanaged, rather than guessed. Live objects whose resource account holds no number get
/// their entries in `routing.yaml`.
struct RoutingImport {
    let live: LiveRouting
    let directory: Directory

    init(snapshot: LiveSnapshot) {
        live = snapshot.routing
        directory = snapshot.directory
    }

    /// The resource accounts (object ids) of live objects that `declared` (routing id by UPN) lacks.
    func undeclaredAccounts(declared: Set<String>) -> [(upn: String, type: RoutingType)] {
        var result: [(String, RoutingType)] = []
        var seen = declared
        func consider(_ ids: [String], _ type: RoutingType) {
            guard let upn = ids.lazy.compactMap({ directory.upn(of: $0) }).first, !seen.contains(Identity.normalized(upn)) else { return }
            seen.insert(Identity.normalized(upn))
            result.append((upn, type))
        }
        for attendant in live.autoAttendants ?? [] { consider(attendant.applicationInstances, .autoAttendant) }
        for queue in live.callQueues ?? [] { consider(queue.applicationInstances, .callQueue) }
        return result
    }

    /// YAML lines (indented for a list item) of the managed fields of the entry for `upn`.
    /// `routingID` names the entry of a resource account (by UPN), for targets that are other entries.
    func fieldLines(account upn: String, type: RoutingType, routingID: (String) -> String?) -> [String] {
        guard let account = directory.account(upn: upn) else { return [] }
        var lines: [String] = []
        func add(_ key: String, _ value: String?) {
            if let value { lines.append("    \(key): \(YAMLQuoting.doubleQuoted(value))") }
        }
        switch type {
        case .callQueue:
            guard let queue = (live.callQueues ?? []).first(where: { $0.applicationInstances.contains(account.objectID) }) else { return [] }
            let agents = queue.agents.map { directory.upn(of: $0) }
            if !agents.isEmpty, agents.allSatisfy({ $0 != nil }) {
                lines.append("    agents: [" + agents.compactMap { $0 }.map(YAMLQuoting.doubleQuoted).joined(separator: ", ") + "]")
            }
            add("overflow", text(action: queue.overflowAction, target: queue.overflowTarget, routingID: routingID))
            add("timeout", text(action: queue.timeoutAction, target: queue.timeoutTarget, routingID: routingID))
        case .autoAttendant:
            guard let attendant = (live.autoAttendants ?? []).first(where: { $0.applicationInstances.contains(account.objectID) }) else { return [] }
            if case .transfer(let target)? = attendant.businessHours { add("business_hours", text(action: nil, target: target, routingID: routingID)) }
            if case .transfer(let target)? = attendant.afterHours { add("after_hours", text(action: nil, target: target, routingID: routingID)) }
        }
        return lines
    }

    /// A live target as the inventory writes it, nil when it has no declared form.
    private func text(action: String?, target: LiveCallTarget?, routingID: (String) -> String?) -> String? {
        guard let target else { return nil }
        if let action {
            switch action.lowercased() {
            case "forward": break
            case "voicemail": return directory.upn(of: target.id).map { "voicemail:\($0)" }
            default: return nil
            }
        }
        switch target.type {
        case .user: return directory.upn(of: target.id)
        case .personalVoicemail: return directory.upn(of: target.id).map { "voicemail:\($0)" }
        case .applicationEndpoint: return directory.upn(of: target.id).flatMap(routingID)
        case .configurationEndpoint:
            let instances = (live.callQueues ?? []).first { $0.id == target.id }?.applicationInstances
                ?? (live.autoAttendants ?? []).first { $0.id == target.id }?.applicationInstances ?? []
            return instances.compactMap { directory.upn(of: $0) }.compactMap(routingID).first
        case .externalPSTN:
            let number = target.id.hasPrefix("tel:") ? String(target.id.dropFirst(4)) : target.id
            return "external:\(number)"
        case .sharedVoicemail: return nil
        }
    }
}

extension RoutingImport {
    /// Completes the files `ddi import` is writing: entries for live auto attendants and call
    /// queues whose resource account holds no number (in `routing.yaml`), and every entry's managed
    /// fields. Without routing exports nothing changes.
    static func complete(_ files: inout [String: YAMLFileBuilder], routingIDs: inout RoutingIDs, snapshot: LiveSnapshot) {
        let routing = RoutingImport(snapshot: snapshot)
        guard routing.live.autoAttendants != nil || routing.live.callQueues != nil else { return }
        var idByAccount: [String: String] = [:]
        for file in files.values { for entry in file.routing { idByAccount[Identity.normalized(entry.account)] = entry.id } }
        let extra = routing.undeclaredAccounts(declared: Set(idByAccount.keys))
        if !extra.isEmpty {
            var file = files["routing.yaml"] ?? YAMLFileBuilder()
            for (upn, type) in extra {
                let id = routingIDs.id(for: upn).id
                idByAccount[Identity.normalized(upn)] = id
                file.routing.append((id, type, upn))
            }
            files["routing.yaml"] = file
        }
        for path in Array(files.keys) {
            guard var file = files[path] else { continue }
            for entry in file.routing {
                file.routingFields[entry.id] = routing.fieldLines(account: entry.account, type: entry.type) { idByAccount[Identity.normalized($0)] }
            }
            files[path] = file
        }
    }
}
