import ArgumentParser
import DDIKit
import Foundation

/// Options every command that reads an inventory shares.
struct InventoryOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in DIR (the inventory root is found by walking up from there).", valueName: "DIR"))
    var directory: String?

    @Option(help: ArgumentHelp("The date all date rules use (default: DDI_TODAY, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    func resolveToday() throws -> Day {
        do {
            return try Today.resolve(option: today)
        } catch {
            throw ValidationError(TextEscaping.terminal("\(error)"))
        }
    }

    func inventoryRoot() throws -> String {
        let start = directory ?? FileManager.default.currentDirectoryPath
        do {
            return try InventoryLoader.findRoot(from: start)
        } catch {
            throw ValidationError(TextEscaping.terminal("\(error)"))
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
