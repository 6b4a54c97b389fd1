/// An error that knows how the command it stops ends: its exit status and the text for standard
/// error. Each layer has its own (DDIKit's `InventoryLoadError`, DDIPlan's `PlanSessionError`,
/// DDIApply's `ApplyRefusal` and `GraphError`, DDIEdit's `EditError`, DDIGit's `GitError` ...); the
/// CLI maps any of them in one place (`CommandFailure`), so no command needs a catch ladder.
public protocol DDIError: Error {
    /// `DDIExitStatus.failure` (1) or `DDIExitStatus.usage` (64).
    var exitStatus: Int32 { get }
    /// What the user reads, one or more lines. Values from inventory files, snapshots or the
    /// network are escaped (`TextEscaping.terminal`) where they are put into it.
    var message: String { get }
}

/// The exit statuses an error can end a command with (README "Commands": 0 success, 1 errors, 64 usage).
public enum DDIExitStatus {
    /// Refused or failed: an invalid inventory, an unreadable snapshot, a refused apply.
    public static let failure: Int32 = 1
    /// The command was called wrongly: an argument, an option, or a missing `ddi.yaml`.
    public static let usage: Int32 = 64
}

extension InventoryLoadError: DDIError {
    /// No inventory where the command was started is a usage error (README "Commands": "no ddi.yaml found
    /// exits 64"); an inventory that cannot be read, or whose `live:` leaves it, is refused (1).
    public var exitStatus: Int32 {
        if case .noInventoryRoot = self { return DDIExitStatus.usage }
        return DDIExitStatus.failure
    }
    public var message: String { TextEscaping.terminal(description) }
}

extension Today.Problem: DDIError {
    public var exitStatus: Int32 { DDIExitStatus.usage }
    public var message: String { TextEscaping.terminal(description) }
}
