import ArgumentParser
import DDIKit

@main
struct DDICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddi",
        abstract: "Microsoft Teams phone numbers as code.",
        usage: "ddi [-C <DIR>] <subcommand>",
        discussion: """
        Numbers, ranges and routing are declared in YAML files in a git repository; ddi validates them, \
        plans and applies them to Teams, and reads their history from git.

        -C DIR (before or after the subcommand) runs ddi as if started in DIR, as git does: the \
        inventory is found from there and every relative path is read from there.
        """,
        // No `version:` here: ArgumentParser would add --version to every subcommand's help.
        groupedSubcommands: [
            CommandGroup(name: "Inventory", subcommands: [ValidateCommand.self, ExplainCommand.self, ReportCommand.self, ImportCommand.self]),
            CommandGroup(name: "Live tenant", subcommands: [PlanCommand.self, ApplyCommand.self, SnapshotCommand.self]),
            CommandGroup(name: "History", subcommands: [DiffCommand.self, HistoryCommand.self, BlameCommand.self, AuditCommand.self, CommitCommand.self, HookCommand.self]),
            CommandGroup(name: "Lifecycle", subcommands: [AllocateCommand.self, ReleaseCommand.self, ReserveCommand.self, ReviewCommand.self, OffboardCommand.self]),
        ]
    )

    @Flag(help: "Show the version.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print(DDIVersion.current)
    }
}
