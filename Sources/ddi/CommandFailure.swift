import ArgumentParser
import DDIKit

/// A command whose error lines start with its name ("ddi apply: ..."); the others use "error: ".
protocol NamesItselfInErrors {
    static var errorPrefix: String { get }
}

/// The one place where an error that stops a command becomes text for standard error and an exit
/// status. Commands do not catch errors to print them: they throw, and this maps what they threw.
enum CommandFailure {
    /// `command`: the command that ran (nil when the command line did not parse).
    static func describe(_ error: Error, command: ParsableCommand.Type?) -> (text: String, status: Int32) {
        switch error {
        case let failure as DDIError where failure.exitStatus == DDIExitStatus.usage:
            // Read as ArgumentParser's own usage errors: "Error: ...", then how to get help.
            return (DDICommand.fullMessage(for: ValidationError(failure.message)), DDIExitStatus.usage)
        case let failure as DDIError:
            return (prefix(of: command) + failure.message, failure.exitStatus)
        case is ValidationError, is ExitCode, is CleanExit:
            return (DDICommand.fullMessage(for: error), DDICommand.exitCode(for: error).rawValue)
        default:
            // Parse errors come from ArgumentParser before any command runs; anything else a command
            // throws is a failure of its own, its text escaped onto one line.
            guard let command else { return (DDICommand.fullMessage(for: error), DDICommand.exitCode(for: error).rawValue) }
            return (prefix(of: command) + TextEscaping.terminal("\(error)"), DDIExitStatus.failure)
        }
    }

    static func prefix(of command: ParsableCommand.Type?) -> String {
        (command as? NamesItselfInErrors.Type)?.errorPrefix ?? "error: "
    }
}
