import DDIKit

extension ApplyRefusal: DDIError {
    /// A refused or failed apply, or pull, exits 1; the message is already escaped where it quotes a value.
    public var exitStatus: Int32 { DDIExitStatus.failure }
}

extension GraphError: DDIError {
    public var exitStatus: Int32 { DDIExitStatus.failure }
}
