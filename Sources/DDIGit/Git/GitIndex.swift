import CLibGit2

/// The repository's index (staging area). Owns its libgit2 handle; changes reach the disk only
/// through `write()`.
public final class GitIndex {
    let pointer: OpaquePointer
    /// Keeps the repository alive while the index is used.
    let repository: GitRepository

    init(pointer: OpaquePointer, repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_index_free(pointer) }

    /// Stages the file at `path` (relative to the work tree) as it is on disk.
    public func add(path: String) throws {
        try GitError.check(git_index_add_bypath(pointer, path), "stage \(path)")
    }

    /// Stages the removal of `path`; a path the index does not hold is not an error.
    public func remove(path: String) throws {
        let code = git_index_remove_bypath(pointer, path)
        if code == GIT_ENOTFOUND.rawValue { return }
        try GitError.check(code, "stage the removal of \(path)")
    }

    /// True while a merge left conflicting entries.
    public var hasConflicts: Bool { git_index_has_conflicts(pointer) == 1 }

    /// Writes the index file atomically (libgit2 writes a lock file and renames it).
    public func write() throws {
        try GitError.check(git_index_write(pointer), "write the index")
    }

    /// Writes the trees the index describes to the object database and returns the root tree's id.
    public func writeTree() throws -> GitOID {
        var oid = git_oid()
        try GitError.check(git_index_write_tree_to(&oid, pointer, repository.pointer), "write a tree from the index")
        return GitOID(oid)
    }
}

extension GitRepository {
    /// The index as it is on disk now.
    public func index() throws -> GitIndex {
        var handle: OpaquePointer?
        try GitError.check(git_repository_index(&handle, pointer), "open the index")
        guard let handle else { throw GitError(operation: "open the index", code: -1, message: "no index") }
        try GitError.check(git_index_read(handle, 1), "read the index")
        return GitIndex(pointer: handle, repository: self)
    }

    /// The index file at `path`: the temporary index git prepares for `git commit -a` or
    /// `git commit FILE` and names in `GIT_INDEX_FILE` while hooks run.
    public func index(atPath path: String) throws -> GitIndex {
        var handle: OpaquePointer?
        try GitError.check(git_index_open(&handle, path), "open the index \(path)")
        guard let handle else { throw GitError(operation: "open the index \(path)", code: -1, message: "no index") }
        return GitIndex(pointer: handle, repository: self)
    }
}
