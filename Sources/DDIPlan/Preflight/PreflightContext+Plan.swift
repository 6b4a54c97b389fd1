import DDIKit

extension PreflightContext {
    /// The checks' view of a plan: its assignments and releases with the live records and directory
    /// accounts they concern, and what each touched identity holds once the plan is applied. Work is
    /// linear in actions plus live records; identities the plan does not touch are never looked at.
    static func build(plan: Plan, snapshot: LiveSnapshot) -> PreflightContext {
        let directory = snapshot.directory
        let touched = touchedObjectIDs(plan)
        // Numbers parsed once per action, so that the walk over every live record compares integers
        // and never formats a number it does not need.
        let actedOn = Set(plan.actions.compactMap { try? PhoneNumber.parse(Substring($0.number)).get() })
        var liveByNumber: [String: LiveNumber] = [:]
        var holdings: [String: [PreflightHolding]] = [:]
        for live in snapshot.numbers {
            if let holder = live.targetID, touched.contains(holder) {
                holdings[holder, default: []].append(PreflightHolding(number: live.number.description, numberType: live.numberType,
                                                                      category: live.category ?? .primary))
            }
            if actedOn.contains(live.number) { liveByNumber[live.number.description] = live }
        }

        var assignments: [PreflightAssignment] = []
        var releases: [PreflightRelease] = []
        for action in plan.actions {
            let live = liveByNumber[action.number]
            let type = live?.numberType ?? action.numberType
            let previousHolder = action.before?.objectID.flatMap { $0.isEmpty ? nil : $0 }
            if action.kind == .unassign || action.kind == .reassign, let previousHolder {
                holdings[previousHolder]?.removeAll { $0.number == action.number }
                releases.append(PreflightRelease(
                    number: action.number, identity: directory.upn(of: previousHolder) ?? previousHolder, objectID: previousHolder,
                    account: directory.account(objectID: previousHolder), declaredAt: action.declaredAt))
            }
            guard action.kind != .unassign else { continue }
            let account = directory.account(objectID: action.target.objectID)
            let category = action.category ?? live?.category ?? .primary
            if action.kind == .update {
                holdings[action.target.objectID]?.removeAll { $0.number == action.number }
            }
            holdings[action.target.objectID, default: []].append(PreflightHolding(number: action.number, numberType: type, category: category))
            let holderChanges = action.kind != .update
            guard holderChanges || action.changes.contains(.locationID) || action.changes.contains(.category) else { continue }
            assignments.append(PreflightAssignment(
                number: action.number, numberType: type, target: targetKind(action, account: account),
                identity: action.target.display, account: account, live: live, category: category,
                locationID: holderChanges || action.changes.contains(.locationID) ? action.locationID : nil, changesHolder: holderChanges, declaredAt: action.declaredAt))
        }
        var context = PreflightContext(assignments: assignments, releases: releases, holdings: holdings)
        context.locations = snapshot.locations.map { list in
            Dictionary(list.map { ($0.locationID.asciiFolded, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return context
    }

    private static func touchedObjectIDs(_ plan: Plan) -> Set<String> {
        var ids = Set<String>()
        for action in plan.actions {
            if !action.target.objectID.isEmpty { ids.insert(action.target.objectID) }
            if let previous = action.before?.objectID, !previous.isEmpty { ids.insert(previous) }
        }
        return ids
    }

    /// The kind of identity an action assigns to. The planner says so where it knows; otherwise the
    /// directory account decides, and without one the declared kind of number.
    static func targetKind(_ action: PlanAction, account: DirectoryAccount?) -> IdentityKind {
        if action.target.kind != .user { return action.target.kind }
        switch action.numberKind {
        case .conference: return .conferenceBridge
        case .sharedCalling: return .policy
        default: break
        }
        if let account { return account.isResourceAccount ? .resourceAccount : .user }
        switch action.numberKind {
        case .autoAttendant, .callQueue, .resource: return .resourceAccount
        default: return .user
        }
    }
}
