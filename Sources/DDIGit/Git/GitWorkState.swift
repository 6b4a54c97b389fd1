import CLibGit2

extension GitRepository {
    /// The id git gives `bytes` as a blob (`git hash-object`), without writing anything.
    public static func blobID(of bytes: [UInt8]) throws -> GitOID {
        LibGit2.ensureInitialised()
        var oid = git_oid()
        let code = bytes.withUnsafeBytes { buffer in git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB) }
        try GitError.check(code, "hash a file")
        return GitOID(oid)
    }

    /// True while a merge, rebase, cherry-pick, revert or bisect is under way: a commit then belongs
    /// to git, which records the operation's extra parents and state.
    public var isOperationInProgress: Bool {
        git_repository_state(pointer) != Int32(GIT_REPOSITORY_STATE_NONE.rawValue)
    }
}
