import ArgumentParser
import DDIKit
import Foundation

extension DDICommand {
    /// As ArgumentParser's own `main`, except that `-C DIR` changes the working directory before the
    /// command runs, an unknown command gets a did-you-mean, and every error that stops a command is
    /// reported by `CommandFailure` (the one mapping from errors to text and exit status) through
    /// `StandardError`.
    static func main() {
        var ran: ParsableCommand.Type?
        do {
            let (directories, arguments) = StartDirectory.leading(in: CommandLine.arguments.dropFirst())
            for directory in directories { try StartDirectory.change(to: directory) }
            try checkCommandName(arguments)
            var command = try parseAsRoot(arguments)
            ran = type(of: command)
            if let directory = StartDirectory.requested(by: command) { try StartDirectory.change(to: directory) }
            try command.run()
        } catch {
            // Help and --version go to standard output, as ArgumentParser prints them.
            if exitCode(for: error).isSuccess { exit(withError: error) }
            let failure = CommandFailure.describe(error, command: ran)
            if !failure.text.isEmpty { StandardError.line(failure.text) }
            Foundation.exit(failure.status)
        }
    }

    /// `ddi validat`: ArgumentParser says only "Unexpected argument"; a close command name is named.
    static func checkCommandName(_ arguments: [String]) throws {
        guard let word = arguments.first, !word.hasPrefix("-") else { return }
        let names = commandNames
        guard !names.contains(word) else {
            // ArgumentParser would take it as ddi's own flag and run the command without a word.
            let options = arguments.prefix { $0 != "--" }
            if word != "help", options.contains("--version") { throw ValidationError("--version is an option of ddi itself: ddi --version") }
            return
        }
        throw ValidationError("unknown command '\(TextEscaping.terminal(word))'\(DidYouMean.hint(for: word, among: names)); 'ddi --help' lists them")
    }

    /// The names a user can type after `ddi` (hidden commands and `help` included).
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }
}
