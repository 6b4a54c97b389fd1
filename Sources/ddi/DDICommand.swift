import ArgumentParser
import DDIKit

@main
struct DDICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ddi",
        abstract: "Microsoft Teams phone numbers as code.",
        discussion: "Numbers, ranges and routing are declared in YAML files in a git repository; ddi validates them.",
        version: DDIVersion.current,
        subcommands: [ValidateCommand.self, ExplainCommand.self, AllocateCommand.self, ReleaseCommand.self, ReserveCommand.self, ReviewCommand.self, OffboardCommand.self, ReportCommand.self, PlanCommand.self, ImportCommand.self, DiffCommand.self, HistoryCommand.self, BlameCommand.self, AuditCommand.self, ApplyCommand.self, SnapshotCommand.self, CommitCommand.self, HookCommand.self]
    )
}
