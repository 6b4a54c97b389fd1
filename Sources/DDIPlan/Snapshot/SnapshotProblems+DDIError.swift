import DDIKit

extension SnapshotProblems: DDIError {
    public var exitStatus: Int32 { DDIExitStatus.failure }
    /// One `error:` line per problem; file names and values in them come from the snapshot.
    public var message: String { problems.map { "error: " + TextEscaping.terminal($0.description) }.joined(separator: "\n") }
}
