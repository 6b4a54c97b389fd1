import DDIKit
import DDIPlan
import Foundation

/// The plan as it would be made now, from the inventory on disk and the snapshot given to apply:
/// what a saved plan is compared with, and what `ddi apply` without a plan file applies.
public struct CurrentPlan: Sendable {
    public internal(set) var plan: Plan
    public internal(set) var safety: SafetyThresholds
    /// Live assignments in the snapshot given to apply, counted here rather than read from any
    /// plan: the denominator of the safety thresholds.
    public internal(set) var liveAssigned: Int

    /// Only this module makes one, from the inputs on disk (tests make one from a fixture plan), so
    /// that a saved plan can never stand in for the current plan.
    init(plan: Plan, safety: SafetyThresholds, liveAssigned: Int) {
        self.plan = plan
        self.safety = safety
        self.liveAssigned = liveAssigned
    }

    /// `livePaths` empty: the `live:` directory of ddi.yaml. Planned as `ddi plan` plans
    /// (`PlanSession`); anything that keeps it from planning is a refusal to apply.
    public static func compute(root: String, livePaths: [String], today: Day) throws(ApplyRefusal) -> CurrentPlan {
        let outcome: PlanSessionOutcome
        do {
            outcome = try PlanSession.run(root: root, livePaths: livePaths, today: today)
        } catch .unreadableInventory(let reason) {
            throw ApplyRefusal("cannot read the inventory: \(reason)")
        } catch {
            throw ApplyRefusal(error.message)
        }
        switch outcome {
        case .invalidInventory(let report):
            throw ApplyRefusal(DiagnosticRenderer().text(report) + "the inventory is not valid; nothing was planned or applied (ddi validate shows every diagnostic)")
        case .snapshotProblems(let problems):
            throw ApplyRefusal(problems.message + "\nthe snapshot cannot be read; nothing was planned or applied")
        case .planned(let session):
            let liveAssigned = session.snapshot.numbers.lazy.filter { $0.status.isAssigned }.count
            return CurrentPlan(plan: session.plan, safety: session.loaded.inventory.config.safety, liveAssigned: liveAssigned)
        }
    }
}
