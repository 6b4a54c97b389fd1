import DDIKit

// What DDIGit refuses ends the command with status 1; the texts quote paths and revisions, so they
// are escaped onto one line. `GitError` (a failed libgit2 call) has a `message` of its own, libgit2's
// text without the operation: the CLI reports it as any other error, "error: OPERATION: MESSAGE", 1.

extension GitHistoryError: DDIError {
    public var exitStatus: Int32 { DDIExitStatus.failure }
    public var message: String { TextEscaping.terminal(description) }
}

extension RevisionInventoryError: DDIError {
    public var exitStatus: Int32 { DDIExitStatus.failure }
    public var message: String { TextEscaping.terminal(description) }
}

extension InventoryBlameError: DDIError {
    public var exitStatus: Int32 { DDIExitStatus.failure }
    public var message: String { TextEscaping.terminal(description) }
}
