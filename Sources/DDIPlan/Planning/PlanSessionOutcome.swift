import DDIKit

/// How a `PlanSession` ended: nothing planned (and why), or a plan with what it was made from.
public enum PlanSessionOutcome: Sendable {
    /// The inventory has errors; its report is what `ddi validate` prints. Nothing was planned.
    case invalidInventory(ValidationReport)
    /// The snapshot cannot be read; every problem found. Nothing was planned.
    case snapshotProblems(SnapshotProblems)
    case planned(PlannedSession)
}

/// A plan and the inputs it was made from, read once.
public struct PlannedSession: Sendable {
    public var plan: Plan
    public var loaded: LoadedInventory
    public var snapshot: LiveSnapshot
    public var sources: DeclaredSources
}

/// Why there is nothing to plan from at all (an invalid inventory is an outcome, not this).
public enum PlanSessionError: DDIError, Equatable {
    /// The inventory's files cannot be listed or read; the reason, escaped for a terminal.
    case unreadableInventory(String)
    /// No `--live` given and no `live:` in ddi.yaml.
    case noSnapshot

    /// Both are usage errors of `ddi plan` (64); `ddi apply` refuses them instead (`CurrentPlan`).
    public var exitStatus: Int32 { DDIExitStatus.usage }

    public var message: String {
        switch self {
        case .unreadableInventory(let reason): reason
        case .noSnapshot: "no snapshot: pass --live PATH, or set `live:` in \(Inventory.configFileName)"
        }
    }
}
