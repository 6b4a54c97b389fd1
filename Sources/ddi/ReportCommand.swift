import ArgumentParser
import DDIEdit
import DDIKit
import DDIPlan
import DDIReports
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Capacity, cost of unused numbers, allocation rate and run-out forecast per range.",
        discussion: """
        Per range and in total: size, assigned, reserved, quarantine, free, external, retired, utilisation \
        ((assigned + external) / (size - retired)), unused numbers (free + quarantine + expired \
        reservations) and their monthly cost from the range's cost, the net allocation rate over the last \
        90 and 365 days from the git history, and the day free + quarantine numbers run out at that rate \
        ("never" when the rate is zero or negative). --format html writes one self-contained page.
        """
    )

    @OptionGroup var inventory: InventoryOptions

    @Option(help: "Output format: html writes one self-contained page.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"), completion: .file())
    var output: String?

    @Flag(help: "Do not read the git history (no rates, no forecast).")
    var noHistory = false

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories: list only Calling Plan and Operator Connect numbers the tenant holds as numbers to hand back.", valueName: "PATH"))
    var live: [String] = []

    func run() throws {
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        // The history (the cache, or a walk) is read on another thread while the inventory loads.
        let pending = noHistory ? nil : GitHistorySampler.start(root: root)
        let loaded: LoadedInventory
        do {
            loaded = try InventoryLoader.load(root: root)
        } catch {
            pending?.discard()
            throw ValidationError(TextEscaping.terminal("\(error)"))
        }
        // The entries are ordered for the capacity sweeps while the history's series is counted.
        let sweep = CapacityReport.startSweep(loaded.inventory)
        let history = pending?.outcome(ranges: loaded.inventory.ranges, since: today.adding(days: -365))
            ?? GitHistorySampler.Outcome(samples: [], note: "not read (--no-history)")
        let held = try live.isEmpty ? nil : Self.heldNumbers(live)
        let report = CapacityReport.build(inventory: loaded.inventory, today: today, history: history, sweep: sweep, held: held)
        let bytes = try report.renderedBytes(format)
        if let output {
            // A failed write is reported by `CommandFailure`: "error: ...", exit status 1.
            try AtomicWriter.write(bytes, to: output)
        } else {
            StandardOutput.write(bytes)
        }
        if loaded.diagnostics.contains(where: { $0.severity == .error }) {
            StandardError.line("note: the inventory has errors (ddi validate); figures count what could be read")
        }
    }
}

extension ReportCommand {
    /// The numbers a live snapshot lists; a snapshot without a numbers export would hold nothing.
    static func heldNumbers(_ paths: [String]) throws -> HeldNumbers {
        let snapshot: LiveSnapshot
        do {
            snapshot = try SnapshotLoader.load(paths: paths)
        } catch {
            throw ValidationError("--live: \(TextEscaping.terminal("\(error)"))")
        }
        guard snapshot.files.contains(where: { $0.format.isNumbers }) else {
            throw ValidationError("--live \(TextEscaping.terminal(paths.joined(separator: " "))): no numbers export found (Get-CsPhoneNumberAssignment)")
        }
        return HeldNumbers(numbers: snapshot.numbers.map(\.number))
    }
}

extension ReportFormat: ExpressibleByArgument {}
