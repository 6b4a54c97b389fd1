import DDIKit
import Foundation

/// The plan pipeline, written once: read the declared state, validate it, read the snapshot (on
/// another core meanwhile), plan. `ddi plan`, `ddi apply` and the stale-plan check all go through
/// `PlanSession.run`, so they agree on what "the plan made now" is.
public enum PlanSession {
    /// Plans the inventory at `root` against the snapshot at `livePaths` (empty: the `live:`
    /// directory of ddi.yaml, its files then named relative to the root).
    ///
    /// `commit` names the commit the declared files are exactly those of (nil: none); it is a
    /// parameter because only DDIGit knows git. Refuses with `PlanSessionError` only when there is
    /// nothing to plan from; an invalid inventory or an unreadable snapshot is an outcome.
    public static func run(
        root: String,
        livePaths: [String],
        today: Day,
        clock: PhaseClock = PhaseClock(),
        commit: (DeclaredSources) -> String? = { _ in nil }
    ) throws(PlanSessionError) -> PlanSessionOutcome {
        let sources: DeclaredSources
        do {
            sources = try DeclaredSources.read(root: root)
        } catch InventoryLoadError.liveOutsideRoot {
            return try invalidBecauseLiveIsOutside(root: root, today: today)
        } catch {
            throw .unreadableInventory(TextEscaping.terminal("\(error)"))
        }
        clock.lap("read inventory")
        let paths = try snapshotPaths(root: root, given: livePaths, configured: sources.liveDirectory)
        let pendingSnapshot = readInBackground(paths: paths, relativeTo: livePaths.isEmpty ? root : nil)
        let loaded = sources.load()
        clock.lap("parse inventory")
        // What depends on the inventory alone is made on another core while it is validated and
        // the snapshot is read; an invalid inventory leaves it unused.
        let pendingDeclared = prepareInBackground(loaded.inventory, sources: sources)
        let report = Validator.validate(loaded, today: today)
        clock.lap("validate")
        if report.hasErrors { return .invalidInventory(report) }
        let snapshot: LiveSnapshot
        switch pendingSnapshot.value() {
        case .success(let value): snapshot = value
        case .failure(let problems): return .snapshotProblems(problems)
        }
        clock.lap("read snapshot")
        let declared = pendingDeclared.value() ?? PreparedDeclaration(loaded.inventory, sources: sources)
        let inputs = PlanInputs(declared: sources.declaredInputs(commit: commit(sources), contentDigest: declared.contentDigest), live: snapshot.files)
        clock.lap("digests")
        let planned = Planner.plan(inventory: loaded.inventory, snapshot: snapshot, inputs: inputs, today: today,
                                   declared: declared.index, workers: ProcessInfo.processInfo.activeProcessorCount)
        clock.lap("plan")
        let plan = Preflight.check(planned, snapshot: snapshot, overrides: loaded.inventory.config.ruleOverrides)
        clock.lap("preflight")
        return .planned(PlannedSession(plan: plan, loaded: loaded, snapshot: snapshot, sources: sources))
    }

    /// `given` when not empty, else the `live:` directory of ddi.yaml.
    static func snapshotPaths(root: String, given: [String], configured: String?) throws(PlanSessionError) -> [String] {
        if !given.isEmpty { return given }
        guard let configured else { throw .noSnapshot }
        return [(root as NSString).appendingPathComponent(configured)]
    }

    /// The snapshot does not depend on the inventory: it is read on another core meanwhile. Files
    /// below `root` (the `live:` directory) are named relative to it, as the inventory's files are.
    static func readInBackground(paths: [String], relativeTo root: String?) -> Background<Result<LiveSnapshot, SnapshotProblems>> {
        let prefix = root.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return Background(placeholder: .failure(SnapshotProblems([]))) {
            defer { ReleaseFreeMemory.now() }
            do throws(SnapshotProblems) {
                return .success(try SnapshotLoader.load(paths: paths, display: { path in
                    guard let prefix, path.hasPrefix(prefix) else { return path }
                    return String(path.dropFirst(prefix.count))
                }))
            } catch {
                return .failure(error)
            }
        }
    }

    /// The planner's indexes of the inventory and the digest of its files, made on another thread.
    static func prepareInBackground(_ inventory: Inventory, sources: DeclaredSources) -> Background<PreparedDeclaration?> {
        Background(placeholder: nil) { PreparedDeclaration(inventory, sources: sources) }
    }

    /// A `live:` that leaves the inventory root makes the inventory invalid, as `ddi validate`
    /// reports it (with its place in ddi.yaml): the same diagnostics, and nothing planned.
    static func invalidBecauseLiveIsOutside(root: String, today: Day) throws(PlanSessionError) -> PlanSessionOutcome {
        let loaded: LoadedInventory
        do {
            loaded = try InventoryLoader.load(root: root)
        } catch {
            throw .unreadableInventory(TextEscaping.terminal("\(error)"))
        }
        let report = Validator.validate(loaded, today: today)
        guard report.hasErrors else {
            // The loader and the config decoder both judge `live:`; one of them always reports it.
            throw .unreadableInventory("\(Inventory.configFileName): the snapshot directory `live:` lies outside the inventory root")
        }
        return .invalidInventory(report)
    }
}

/// What the plan needs of the declared state besides the inventory itself.
struct PreparedDeclaration: Sendable {
    var index: DeclaredIndex
    var contentDigest: String

    init(_ inventory: Inventory, sources: DeclaredSources) {
        index = DeclaredIndex(inventory)
        contentDigest = sources.contentDigest
    }
}
