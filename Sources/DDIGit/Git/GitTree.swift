import CLibGit2

/// One entry of a tree: a file, a directory, a symbolic link or a submodule.
public struct GitTreeEntry: Sendable {
    public enum Kind: Sendable { case blob, tree, link, submodule, other }

    public var name: String
    public var oid: GitOID
    public var kind: Kind
}

/// A directory listing at one revision.
public final class GitTree {
    let pointer: OpaquePointer
    /// Keeps the repository alive while the object is used: libgit2 frees its objects with it.
    let repository: GitRepository

    init(pointer: OpaquePointer, repository: GitRepository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_tree_free(pointer) }

    public var oid: GitOID { GitOID(git_tree_id(pointer)) }

    public var entries: [GitTreeEntry] {
        (0..<git_tree_entrycount(pointer)).compactMap { index in
            guard let entry = git_tree_entry_byindex(pointer, index) else { return nil }
            return GitTree.describe(entry)
        }
    }

    /// The entry at a slash-separated path below this tree, or nil when there is none.
    public func entry(atPath path: String) throws -> GitTreeEntry? {
        if path.isEmpty { return GitTreeEntry(name: "", oid: oid, kind: .tree) }
        var handle: OpaquePointer?
        let code = git_tree_entry_bypath(&handle, pointer, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "look up \(path)")
        guard let handle else { return nil }
        defer { git_tree_entry_free(handle) }
        return GitTree.describe(handle)
    }

    static func describe(_ entry: OpaquePointer) -> GitTreeEntry {
        let name = git_tree_entry_name(entry).map { String(cString: $0) } ?? ""
        let mode = git_tree_entry_filemode(entry)
        let kind: GitTreeEntry.Kind
        switch mode {
        case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: kind = .blob
        case GIT_FILEMODE_TREE: kind = .tree
        case GIT_FILEMODE_LINK: kind = .link
        case GIT_FILEMODE_COMMIT: kind = .submodule
        default: kind = .other
        }
        return GitTreeEntry(name: name, oid: GitOID(git_tree_entry_id(entry)), kind: kind)
    }
}
