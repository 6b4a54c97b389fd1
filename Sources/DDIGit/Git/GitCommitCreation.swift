import CLibGit2

/// A libgit2 signature built from a `GitSignature` value; frees it when done.
final class GitSignatureHandle {
    let pointer: UnsafeMutablePointer<git_signature>

    init(_ signature: GitSignature, role: String) throws {
        var handle: UnsafeMutablePointer<git_signature>?
        // libgit2 refuses names and emails with angle brackets or that are empty after trimming.
        try GitError.check(
            git_signature_new(&handle, signature.name, signature.email, git_time_t(signature.time), Int32(signature.offsetMinutes)),
            "use \(role) identity '\(signature.name) <\(signature.email)>'"
        )
        guard let handle else { throw GitError(operation: "use \(role) identity", code: -1, message: "no signature") }
        pointer = handle
    }

    deinit { git_signature_free(pointer) }
}

extension GitRepository {
    /// Writes a commit of `tree` with `parents` and moves the branch HEAD points at (or creates it on
    /// an unborn HEAD). libgit2 refuses when HEAD no longer points at the first parent, so a commit
    /// made by someone else in between is never lost.
    public func createCommit(tree treeOID: GitOID, parents parentOIDs: [GitOID], author: GitSignature, committer: GitSignature, message: String) throws -> GitOID {
        let authorHandle = try GitSignatureHandle(author, role: "author")
        let committerHandle = try GitSignatureHandle(committer, role: "committer")
        let tree = try self.tree(treeOID)
        let parents = try parentOIDs.map { try commit($0) }
        var parentPointers: [OpaquePointer?] = parents.map(\.pointer)
        var oid = git_oid()
        let code = parentPointers.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&oid, pointer, "HEAD", authorHandle.pointer, committerHandle.pointer, nil, message, tree.pointer, buffer.count, buffer.baseAddress)
        }
        try GitError.check(code, "create the commit")
        // The handles must live until libgit2 is done with them.
        withExtendedLifetime((tree, parents)) {}
        return GitOID(oid)
    }
}
