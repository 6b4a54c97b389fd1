import DDIKit

extension PreflightContext {
    /// The checks' view of a plan: its assignments and releases with the live records and directory
    /// accounts they concern, and what each touched identity holds once the plan is applied. Work is
    /// linear in actions plus live records; identities the plan does not touch are never looked at.
    static func build(plan: Plan, snapshot: LiveSnapshot) -> PreflightContext {
        let directory = snapshot.directory
        let touched = touchedObjectIDs(plan)
        let numbers = snapshot.numbers
        var holdings: [String: [PreflightHolding]] = [:]
        // What the touched identities hold: one walk over the live records, skipped when no check
        // needs it. By index, reading only the fields needed: copying 100,000 records whole costs a
        // retain and release of every one of their strings.
        if !touched.isEmpty {
            for index in numbers.indices {
                guard let holder = numbers[index].targetID, touched.contains(holder) else { continue }
                let live = numbers[index]
                holdings[holder, default: []].append(PreflightHolding(number: live.number.description, numberType: live.numberType,
                                                                      category: live.category ?? .primary))
            }
        }
        // The live record of each acted-on number, by binary search: the snapshot is sorted by number.
        var liveByNumber: [String: LiveNumber] = [:]
        for action in plan.actions {
            guard let number = try? PhoneNumber.parse(Substring(action.number)).get(), let index = index(of: number, in: numbers) else { continue }
            liveByNumber[action.number] = numbers[index]
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

    /// Identities whose holdings a check reads: private lines' holders (PF007) and identities the
    /// plan takes a number from (PF008).
    private static func touchedObjectIDs(_ plan: Plan) -> Set<String> {
        var ids = Set<String>()
        for action in plan.actions {
            if action.category == .private, !action.target.objectID.isEmpty { ids.insert(action.target.objectID) }
            if action.kind == .unassign || action.kind == .reassign, let previous = action.before?.objectID, !previous.isEmpty {
                ids.insert(previous)
            }
        }
        return ids
    }

    /// The index of `number` in `numbers`, sorted as `LiveSnapshot` sorts them.
    private static func index(of number: PhoneNumber, in numbers: [LiveNumber]) -> Int? {
        var low = 0, high = numbers.count
        while low < high {
            let middle = (low + high) / 2
            if numbers[middle].number < number { low = middle + 1 } else { high = middle }
        }
        return low < numbers.count && numbers[low].number == number ? low : nil
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
