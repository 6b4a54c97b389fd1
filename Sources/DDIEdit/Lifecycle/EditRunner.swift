import DDIKit
import Foundation

/// Runs a lifecycle edit against an inventory on disk: takes the lock, reads the files, computes the
/// edit, and writes the changed files atomically (or only renders the diff with `dryRun`).
public enum EditRunner {
    public struct Outcome: Sendable {
        public var result: EditResult
        /// The unified diff of every changed file, in path order.
        public var diff: String
        public var wrote: Bool
    }

    public static func run(root: String, today: Day, dryRun: Bool, lockTimeout: Double = 10,
                           _ edit: (EditWorkspace) throws -> EditResult) throws -> Outcome {
        // Read only after taking the lock, so a concurrent edit is seen in full or not at all.
        let lock = dryRun ? nil : try InventoryLock(root: root, timeout: lockTimeout)
        defer { lock?.release() }
        let workspace = try readWorkspace(root: root, today: today)
        let result = try edit(workspace)
        let changes = result.changes.sorted { $0.path < $1.path }
        let diff = changes.map { UnifiedDiff.render(path: $0.path, before: $0.before, after: $0.after) }.joined()
        guard !dryRun, !changes.isEmpty else { return Outcome(result: result, diff: diff, wrote: false) }
        for change in changes {
            let current = InventoryLoader.readFile(root: root, path: change.path).bytes
            guard current == change.before else { throw EditError.changedMeanwhile(change.path) }
        }
        for change in changes {
            try AtomicWriter.write(change.after, to: root + "/" + change.path)
        }
        return Outcome(result: result, diff: diff, wrote: true)
    }

    /// The inventory's files as bytes, found as `InventoryLoader` finds them.
    public static func readWorkspace(root: String, today: Day) throws -> EditWorkspace {
        let sources = try InventoryLoader.readSources(root: root)
        return EditWorkspace(config: sources.config, files: sources.files, today: today)
    }
}
