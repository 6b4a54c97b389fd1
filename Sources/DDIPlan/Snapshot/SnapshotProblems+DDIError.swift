import DDIKit

extension SnapshotProblems: DDIError {
    public var exitStatus: Int32 { DDIExitStatus.failure }
    /// One `error:` line per problem, a long run of one shape summarised (`RepeatedProblems`); file
    /// names and values in them come from the snapshot.
    public var message: String { RepeatedProblems.lines(problems.map { TextEscaping.terminal($0.description) }, prefix: "error: ").joined(separator: "\n") }
}
