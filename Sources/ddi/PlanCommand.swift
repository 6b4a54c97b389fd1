import ArgumentParser
import DDIGit
import DDIKit
import DDIPlan
import Foundation

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compare the inventory with a live snapshot and print what would change in Teams.",
        discussion: """
        The snapshot is read from --live (files or directories), else from `live:` in ddi.yaml. Accepted \
        exports, told apart by content: Get-CsPhoneNumberAssignment (ConvertTo-Json -EnumsAsStrings or \
        Export-Csv), Microsoft Graph numberAssignments pages, Get-CsOnlineUser and \
        Get-CsOnlineApplicationInstance (JSON or CSV).

        An inventory with validation errors is not planned: its diagnostics go to standard error, as \
        ddi validate prints them. Snapshot errors go to standard error too.

        Exit status: 0 success (with --detailed-exitcode: no changes), 1 errors (invalid inventory or \
        snapshot, or a finding of severity error), 2 changes (only with --detailed-exitcode), 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories (default: `live:` in ddi.yaml).", valueName: "PATH"))
    var live: [String] = []

    @Option(help: "Output format: text, markdown (a pull-request comment) or json (schema/plan.schema.json).")
    var format: PlanFormat = .text

    @Option(help: ArgumentHelp("Also save the plan as JSON to FILE (for ddi apply).", valueName: "FILE"))
    var out: String?

    @Flag(help: "Exit 0 when there are no changes, 1 on error, 2 when there are changes.")
    var detailedExitcode = false

    func run() throws {
        let clock = PhaseClock()
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        let outcome = try PlanSession.run(root: root, livePaths: live, today: today, clock: clock) { CleanCommit.find(root: root, config: $0.config, files: $0.files) }
        let plan: Plan
        switch outcome {
        case .invalidInventory(let report):
            StandardError.write(DiagnosticRenderer().text(report))
            throw CommandRefusal("the inventory is not valid; nothing was planned (ddi validate shows every diagnostic)")
        case .snapshotProblems(let problems):
            StandardError.line(problems.message)
            throw CommandRefusal("the snapshot cannot be read; nothing was planned")
        case .planned(let session):
            plan = session.plan
        }
        if let out { try save(plan, to: out) }
        print(try PlanRenderer().render(plan, as: format), terminator: "")
        clock.lap("render")
        if let timing = clock.report { StandardError.write(timing) }
        // Exit here rather than return: freeing the inventory, the snapshot and their indexes one
        // object at a time took a tenth of the plan's time on the reference tenant (README "Performance").
        fflush(nil)
        Foundation.exit(plan.exitCode(detailed: detailedExitcode))
    }

    private func save(_ plan: Plan, to path: String) throws {
        do {
            try SavedPlanDocument(plan).encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandRefusal("cannot write \(TextEscaping.terminal(path)): \(TextEscaping.terminal(error.localizedDescription))")
        }
    }
}

extension PlanCommand: NamesItselfInErrors {
    static let errorPrefix = "ddi plan: "
}
