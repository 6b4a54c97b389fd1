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

    /// `livePaths` empty: the `live:` directory of ddi.yaml.
    public static func compute(root: String, livePaths: [String], today: Day) throws(ApplyRefusal) -> CurrentPlan {
        let sources: DeclaredSources
        do {
            sources = try DeclaredSources.read(root: root)
        } catch {
            throw ApplyRefusal("cannot read the inventory: \(error)")
        }
        var paths = livePaths
        if paths.isEmpty {
            guard let configured = sources.liveDirectory else {
                throw ApplyRefusal("no snapshot: pass --live PATH, or set `live:` in \(Inventory.configFileName)")
            }
            paths = [(root as NSString).appendingPathComponent(configured)]
        }
        let loaded = sources.load()
        let report = Validator.validate(loaded, today: today)
        if report.hasErrors {
            throw ApplyRefusal(DiagnosticRenderer().text(report) + "the inventory is not valid; nothing was planned or applied (ddi validate shows every diagnostic)")
        }
        let prefix = livePaths.isEmpty ? (root.hasSuffix("/") ? root : root + "/") : nil
        let snapshot: LiveSnapshot
        do throws(SnapshotProblems) {
            snapshot = try SnapshotLoader.load(paths: paths, display: { path in
                guard let prefix, path.hasPrefix(prefix) else { return path }
                return String(path.dropFirst(prefix.count))
            })
        } catch {
            throw ApplyRefusal(error.description + "\nthe snapshot cannot be read; nothing was planned or applied")
        }
        let inputs = PlanInputs(declared: sources.declaredInputs(), live: snapshot.files)
        let plan = Planner.plan(inventory: loaded.inventory, snapshot: snapshot, inputs: inputs)
        let liveAssigned = snapshot.numbers.lazy.filter { $0.status.isAssigned }.count
        return CurrentPlan(plan: plan, safety: loaded.inventory.config.safety, liveAssigned: liveAssigned)
    }
}
