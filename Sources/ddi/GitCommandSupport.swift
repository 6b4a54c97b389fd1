import ArgumentParser
import DDIGit
import DDIKit
import Foundation

/// What the git commands share: opening the inventory's repository and turning git problems into
/// clear messages and exit codes (64 for a revision that does not exist, 1 otherwise).
enum GitCommandSupport {
    static func open(root: String, useCache: Bool = true) throws -> GitHistory {
        do {
            return try GitHistory.open(inventoryRoot: root, useCache: useCache)
        } catch {
            throw fail(error)
        }
    }

    static func resolve(_ revision: String, in history: GitHistory) throws -> GitOID {
        do {
            return try history.resolve(revision)
        } catch let error as GitError where error.isUnknownRevision {
            throw ValidationError("unknown revision '\(TextEscaping.terminal(revision))': \(TextEscaping.terminal(error.message))")
        } catch {
            throw fail(error)
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

    /// Runs `body`, reporting any error as `error: ...` with exit status 1.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            throw fail(error)
        }
    }

    static func fail(_ error: Error) -> Error {
        if error is ValidationError || error is ExitCode { return error }
        StandardError.line("error: \(TextEscaping.terminal("\(error)"))")
        return ExitCode(1)
    }
}

extension ChangeFormat: ExpressibleByArgument {}
extension AuditFormat: ExpressibleByArgument {}

enum HistoryFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
