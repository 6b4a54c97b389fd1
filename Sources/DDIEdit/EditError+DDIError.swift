import DDIKit

extension EditError: DDIError {
    /// Bad command input the argument parser cannot see is a usage error (64); any other refusal 1.
    public var exitStatus: Int32 {
        if case .invalidArgument = self { return DDIExitStatus.usage }
        return DDIExitStatus.failure
    }

    /// On one line: paths and ids in it come from the inventory and the command line.
    public var message: String { TextEscaping.terminal(description) }
}
