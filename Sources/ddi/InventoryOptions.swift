import ArgumentParser
import DDIKit
import Foundation

/// Options every command that reads an inventory shares.
struct InventoryOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in DIR (the inventory root is found by walking up from there).", valueName: "DIR"))
    var directory: String?

    @Option(help: ArgumentHelp("The date all date rules use (default: DDI_TODAY, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    /// A malformed date is a usage error (`Today.Problem`, 64), reported by `CommandFailure`.
    func resolveToday() throws -> Day {
        try Today.resolve(option: today)
    }

    /// No ddi.yaml here or above is a usage error (`InventoryLoadError.noInventoryRoot`, 64).
    func inventoryRoot() throws -> String {
        try InventoryLoader.findRoot(from: directory ?? FileManager.default.currentDirectoryPath)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
