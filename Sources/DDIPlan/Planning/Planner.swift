import DDIKit

/// Compares the declared state with a live snapshot (README "`ddi plan`"). A pure function: the same inventory
/// and snapshot always give the same plan. Work is O(n log n) in declared entries plus live records;
/// the free numbers of a range are never enumerated (blocks are counted by binary search).
public enum Planner {
    /// `today` dates the quarantine block of an unassign (the remaining quarantine days) and decides
    /// whether an assignment block has run out; without it, a block lasts the whole quarantine.
    public static func plan(inventory: Inventory, snapshot: LiveSnapshot, inputs: PlanInputs, today: Day? = nil) -> Plan {
        plan(inventory: inventory, snapshot: snapshot, inputs: inputs, today: today, declared: nil, workers: 1)
    }

    /// `declared`: the inventory's indexes, built already (nil: built here); `workers`: how many
    /// parts the live numbers are walked in at once. The plan is the same whatever they are.
    static func plan(inventory: Inventory, snapshot: LiveSnapshot, inputs: PlanInputs, today: Day?, declared: DeclaredIndex?,
                     workers: Int, minimumPerWorker: Int = LiveWalk.minimumPerWorker) -> Plan {
        var state = PlanningState(inventory: inventory, snapshot: snapshot, today: today, declared: declared)
        state.run(workers: workers, minimumPerWorker: minimumPerWorker)
        let (routing, routingFindings) = RoutingPlanner.plan(inventory: inventory, snapshot: snapshot)
        state.findings += routingFindings
        var summary = PlanSummary()
        for action in state.actions {
            switch action.kind {
            case .assign: summary.assign += 1
            case .update: summary.update += 1
            case .reassign: summary.reassign += 1
            case .unassign: summary.unassign += 1
            }
        }
        for finding in state.findings {
            switch finding.severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            case .info: summary.infos += 1
            }
        }
        summary.routingUpdates = routing.changeCount
        summary.declaredEntries = state.declaredEntryCount
        summary.liveNumbers = snapshot.numbers.count
        summary.liveAssigned = snapshot.numbers.lazy.filter { $0.status.isAssigned }.count
        // Sort keys are computed once per item, not once per comparison.
        let actions = state.actions.map { ($0.sortKey, $0) }
            .sorted { ($0.0, $0.1.kind.rawValue) < ($1.0, $1.1.kind.rawValue) }.map(\.1)
        let findings = state.findings.map { ($0.sortKey, $0) }
            .sorted { ($0.0, $0.1.kind.rawValue, $0.1.message) < ($1.0, $1.1.kind.rawValue, $1.1.message) }.map(\.1)
        var plan = Plan(tenant: inventory.config.tenant, inputs: inputs, actions: actions, findings: findings, summary: summary)
        plan.routing = routing
        return plan
    }
}

extension PlanAction {
    var sortKey: String { Self.sortKey(number) }

    /// Orders numbers by length, then digits, then extension (as `PhoneNumber` does).
    static func sortKey(_ number: String) -> String {
        let parts = number.split(separator: ";", maxSplits: 1)
        let digits = parts.first.map { $0.drop { $0 == "+" } } ?? ""
        let rest = parts.count > 1 ? ";" + parts[1] : ""
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + rest
    }
}

extension PlanFinding {
    var sortKey: String { PlanAction.sortKey(number) }
}

