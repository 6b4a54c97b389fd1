import ArgumentParser
import DDIKit
import Foundation

/// Options every command that reads an inventory and judges dates shares.
struct InventoryOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in DIR: the inventory root is found by walking up from there, and relative paths are read from there.", valueName: "DIR"),
            completion: .directory)
    var directory: String?

    @Option(help: ArgumentHelp("The date all date rules use (default: DDI_TODAY, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    /// A malformed or impossible date is a usage error (64), reported by `CommandFailure`.
    func resolveToday() throws -> Day {
        try DateArgument.today(option: today)
    }

    /// No ddi.yaml here or above is a usage error (`InventoryLoadError.noInventoryRoot`, 64). The
    /// process is already in the `-C` directory (`StartDirectory`).
    func inventoryRoot() throws -> String {
        try InventoryLoader.findRoot(from: FileManager.default.currentDirectoryPath)
    }
}

/// The options of commands that read an inventory but no clock (diff, history, blame, commit, hook).
/// `--today` is still accepted, hidden, so that a script may pass the same options to every command.
struct UndatedInventoryOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in DIR: the inventory root is found by walking up from there, and relative paths are read from there.", valueName: "DIR"),
            completion: .directory)
    var directory: String?

    @Option(help: ArgumentHelp("Ignored: this command reads no dates.", visibility: .hidden))
    var today: String?

    func inventoryRoot() throws -> String {
        try InventoryLoader.findRoot(from: FileManager.default.currentDirectoryPath)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
