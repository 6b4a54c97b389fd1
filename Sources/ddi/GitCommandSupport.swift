import ArgumentParser
import DDIGit
import DDIKit
import Foundation

/// What the git commands share: opening the inventory's repository and resolving revisions (64 for
/// a revision that does not exist; any other git problem is reported by `CommandFailure`, 1).
enum GitCommandSupport {
    static func open(root: String, useCache: Bool = true) throws -> GitHistory {
        try GitHistory.open(inventoryRoot: root, useCache: useCache)
    }

    static func resolve(_ revision: String, in history: GitHistory) throws -> GitOID {
        do {
            return try history.resolve(revision)
        } catch let error as GitError where error.isUnknownRevision {
            throw ValidationError("unknown revision '\(TextEscaping.terminal(revision))': \(TextEscaping.terminal(error.message))")
        }
    }

    /// The inventory at `revision` and the commits since it up to HEAD, for `ddi validate --base`
    /// (DDI014 compares the inventories, DDI015 reads the commits' messages; `readCommits` false
    /// when DDI015 is off, which spares the walk).
    static func base(root: String, revision: String, readCommits: Bool) throws -> (inventory: Inventory, commits: [CommittedChange]) {
        let history = try open(root: root, useCache: false)
        let oid = try resolve(revision, in: history)
        return try run {
            let inventory = try history.inventory(at: oid, label: revision).inventory
            let head = readCommits ? try history.repository.headCommit() : nil
            let commits = try head.map { try CommittedChanges.since(oid, head: $0, in: history) } ?? []
            return (inventory, commits)
        }
    }

    /// Runs `body`. Its errors are reported by `CommandFailure` as `error: ...` with exit status 1.
    static func run<T>(_ body: () throws -> T) throws -> T {
        try body()
    }
}

extension ChangeFormat: ExpressibleByArgument {}
extension AuditFormat: ExpressibleByArgument {}

extension HistoryFormat: ExpressibleByArgument {}
