import CLibGit2

/// A read-only snapshot of a repository's configuration (repository, global, XDG and system files
/// merged as git merges them). Owns its libgit2 handle.
public final class GitConfig {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_config_free(pointer) }

    /// The value of `name` (`user.name`, `core.hooksPath`), or nil when no file sets it.
    public func string(_ name: String) throws -> String? {
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try GitError.check(code, "read configuration \(name)")
        return value.map { String(cString: $0) }
    }
}

extension GitRepository {
    /// The configuration as it is now; later changes to the files are not seen.
    public func configSnapshot() throws -> GitConfig {
        var handle: OpaquePointer?
        try GitError.check(git_repository_config_snapshot(&handle, pointer), "read the git configuration")
        guard let handle else { throw GitError(operation: "read the git configuration", code: -1, message: "no configuration") }
        return GitConfig(pointer: handle)
    }

    /// The directory git runs hooks from: `core.hooksPath` when set (relative to the work tree, as
    /// git reads it), else `hooks/` of the common git directory (shared by linked work trees).
    public func hooksDirectory() throws -> String {
        if let configured = try configSnapshot().string("core.hooksPath"), !configured.isEmpty {
            if configured.hasPrefix("/") { return configured }
            return (workdir ?? "") + configured
        }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try GitError.check(git_repository_item_path(&buffer, pointer, GIT_REPOSITORY_ITEM_HOOKS), "find the hooks directory")
        guard let text = buffer.ptr else { throw GitError(operation: "find the hooks directory", code: -1, message: "no path") }
        return String(cString: text)
    }
}
