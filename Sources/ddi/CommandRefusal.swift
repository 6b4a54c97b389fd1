import DDIKit

/// The CLI layer's own error: why a command stopped for a reason only the command sees (a file it
/// cannot write, nothing planned). `CommandFailure` reports it as "PREFIX MESSAGE", exit status 1.
struct CommandRefusal: DDIError {
    var message: String
    var exitStatus: Int32 { DDIExitStatus.failure }

    /// `message` quotes values escaped (`TextEscaping.terminal`).
    init(_ message: String) { self.message = message }
}
