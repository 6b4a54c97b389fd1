import CLibGit2

/// Line blame of one file, from libgit2's `git_blame_file`.
public final class GitBlame {
    /// A run of lines last changed by one commit.
    public struct Hunk: Sendable {
        /// 1-based first line in the blamed revision.
        public var startLine: Int
        public var lineCount: Int
        public var commit: GitOID
        /// The path and 1-based line in that commit.
        public var originalPath: String
        public var originalStartLine: Int
        public var signature: GitSignature
        public var isBoundary: Bool
    }

    let pointer: OpaquePointer
    /// Keeps the repository alive while the blame is read.
    let repository: GitRepository

    /// Blames `path` (relative to the repository root) as of `newest` (default HEAD).
    public init(_ repository: GitRepository, path: String, newest: GitOID? = nil) throws {
        var options = git_blame_options()
        try GitError.check(git_blame_options_init(&options, UInt32(GIT_BLAME_OPTIONS_VERSION)), "prepare blame")
        if let newest { options.newest_commit = newest.raw }
        var handle: OpaquePointer?
        try GitError.check(git_blame_file(&handle, repository.pointer, path, &options), "blame \(path)")
        guard let handle else { throw GitError(operation: "blame \(path)", code: -1, message: "no result") }
        pointer = handle
        self.repository = repository
    }

    deinit { git_blame_free(pointer) }

    public var hunks: [Hunk] {
        (0..<git_blame_get_hunk_count(pointer)).compactMap { index in
            guard let hunk = git_blame_get_hunk_byindex(pointer, index)?.pointee else { return nil }
            return Hunk(
                startLine: Int(hunk.final_start_line_number),
                lineCount: Int(hunk.lines_in_hunk),
                commit: GitOID(hunk.final_commit_id),
                originalPath: hunk.orig_path.map { String(cString: $0) } ?? "",
                originalStartLine: Int(hunk.orig_start_line_number),
                signature: GitSignature(hunk.final_signature.map { UnsafePointer($0) }),
                isBoundary: hunk.boundary != 0
            )
        }
    }
}
