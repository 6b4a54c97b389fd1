import CLibGit2

/// An open git repository. Owns its libgit2 handle; not for concurrent use from several threads.
public final class GitRepository {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_repository_free(pointer) }

    /// Opens the repository containing `path`, walking up as git does.
    public static func discover(from path: String) throws -> GitRepository {
        LibGit2.ensureInitialised()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, 0, nil)
        guard code >= 0, let handle else {
            if code == GIT_ENOTFOUND.rawValue {
                throw GitError(operation: "open repository", code: code, message: "\(path) is not inside a git repository")
            }
            throw GitError.last(code, "open repository at \(path)")
        }
        return GitRepository(pointer: handle)
    }

    /// Opens exactly the repository at `path` (its work tree or its .git directory).
    public static func open(at path: String) throws -> GitRepository {
        LibGit2.ensureInitialised()
        var handle: OpaquePointer?
        try GitError.check(git_repository_open(&handle, path), "open repository at \(path)")
        guard let handle else { throw GitError(operation: "open repository at \(path)", code: -1, message: "no repository") }
        return GitRepository(pointer: handle)
    }

    /// The work tree directory with a trailing slash, nil for a bare repository.
    public var workdir: String? { git_repository_workdir(pointer).map { String(cString: $0) } }

    /// True when the repository has no commits yet.
    public var isEmpty: Bool { git_repository_is_empty(pointer) == 1 }

    /// The commit HEAD points at, or nil when HEAD is unborn (no commits yet).
    public func headCommit() throws -> GitOID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try GitError.check(code, "resolve HEAD")
        return GitOID(oid)
    }

    /// Resolves a revision (`HEAD`, `main~2`, a commit id, a tag) to a commit id.
    public func resolveCommit(_ revision: String) throws -> GitOID {
        guard !revision.isEmpty, !revision.utf8.contains(0) else {
            throw GitError(operation: "resolve revision", code: GIT_ENOTFOUND.rawValue, message: "empty revision")
        }
        var object: OpaquePointer?
        let code = git_revparse_single(&object, pointer, revision)
        guard code >= 0, let object else {
            throw GitError.last(code, "resolve '\(revision)'")
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        try GitError.check(git_object_peel(&peeled, object, GIT_OBJECT_COMMIT), "'\(revision)' is not a commit")
        defer { git_object_free(peeled) }
        guard let peeled else { throw GitError(operation: "resolve '\(revision)'", code: -1, message: "not a commit") }
        return GitOID(git_object_id(peeled))
    }

    public func commit(_ oid: GitOID) throws -> GitCommit {
        try lookup(oid, "commit", git_commit_lookup, { GitCommit(pointer: $0, repository: self) })
    }

    public func tree(_ oid: GitOID) throws -> GitTree {
        try lookup(oid, "tree", git_tree_lookup, { GitTree(pointer: $0, repository: self) })
    }

    public func blob(_ oid: GitOID) throws -> GitBlob {
        try lookup(oid, "blob", git_blob_lookup, { GitBlob(pointer: $0, repository: self) })
    }

    /// Looks an object up with one of libgit2's typed `git_*_lookup` functions and wraps the handle
    /// in the Swift type that frees it.
    private func lookup<Object>(
        _ oid: GitOID,
        _ noun: String,
        _ find: (UnsafeMutablePointer<OpaquePointer?>?, OpaquePointer?, UnsafePointer<git_oid>?) -> Int32,
        _ wrap: (OpaquePointer) -> Object
    ) throws -> Object {
        var raw = oid.raw
        var handle: OpaquePointer?
        try GitError.check(find(&handle, pointer, &raw), "read \(noun) \(oid.short())")
        guard let handle else { throw GitError(operation: "read \(noun) \(oid.short())", code: -1, message: "missing") }
        return wrap(handle)
    }

    /// The bytes of a blob.
    public func blobBytes(_ oid: GitOID) throws -> [UInt8] { try blob(oid).bytes }
}
