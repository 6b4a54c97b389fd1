import DDIGit
import DDIKit

/// `--commit`: checked before the edit (identity, nothing uncommitted), committed after it.
struct EditCommit {
    let committer: InventoryCommitter
    let identity: GitIdentity

    static func prepare(root: String) throws -> EditCommit {
        try GitCommandSupport.run {
            let committer = try InventoryCommitter(inventoryRoot: root)
            let identity = try GitIdentity.resolve(for: committer.repository)
            let uncommitted = try committer.uncommittedPaths()
            if !uncommitted.isEmpty { throw InventoryCommitError.notClean(paths: uncommitted) }
            return EditCommit(committer: committer, identity: identity)
        }
    }

    /// Stages the files the edit wrote and commits them.
    func finish(paths: [String]) throws {
        try GitCommandSupport.run {
            try committer.stage(paths: paths)
            let pending = try committer.pending()
            let message = pending.message()
            let oid = try committer.commit(pending, message: message, identity: identity)
            EditCommandSupport.printError("committed \(oid.short(7)): \(TextEscaping.terminal(message.subject))")
        }
    }
}

