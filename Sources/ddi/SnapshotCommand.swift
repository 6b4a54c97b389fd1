import ArgumentParser

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Work with live snapshots.",
        subcommands: [SnapshotPullCommand.self]
    )
}
