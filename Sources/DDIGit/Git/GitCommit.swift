import CLibGit2

/// A commit: its tree, parents, author, committer and message.
public final class GitCommit {
    let pointer: OpaquePointer
    /// Keeps the repository alive while the object is used: libgit2 frees its objects with it.
    let repository: GitRepository

    init(pointer: OpaquePointer, repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_commit_free(pointer) }

    public var oid: GitOID { GitOID(git_commit_id(pointer)) }
    public var treeOID: GitOID { GitOID(git_commit_tree_id(pointer)) }

    public var parentOIDs: [GitOID] {
        (0..<git_commit_parentcount(pointer)).compactMap { index in git_commit_parent_id(pointer, index).map(GitOID.init) }
    }

    public var author: GitSignature { GitSignature(git_commit_author(pointer)) }
    public var committer: GitSignature { GitSignature(git_commit_committer(pointer)) }

    /// The first paragraph of the message, on one line.
    public var summary: String { git_commit_summary(pointer).map { String(cString: $0) } ?? "" }

    public var message: String { git_commit_message(pointer).map { String(cString: $0) } ?? "" }
}
