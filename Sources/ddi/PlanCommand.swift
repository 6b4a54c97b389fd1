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

        Exit status, for CI: 1 something blocks apply (invalid inventory, unreadable snapshot, or a \
        finding of severity error); 0 in sync, or changes without --detailed-exitcode; 2 changes that \
        apply can carry out (only with --detailed-exitcode); 64 usage. --format json says which in \
        its "outcome" member (exit_code, status, reason), also when nothing was planned.
        """
    )

    @OptionGroup var inventory: InventoryOptions

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories (default: `live:` in ddi.yaml).", valueName: "PATH"),
            completion: .file())
    var live: [String] = []

    @Option(help: "Output format: markdown writes a pull-request comment, json follows schema/plan.schema.json.")
    var format: PlanFormat = .text

    @Option(help: ArgumentHelp("Also save the plan to FILE for ddi apply.", valueName: "FILE"), completion: .file(extensions: ["json"]))
    var out: String?

    @Flag(help: "Exit 2 when there are changes that apply can carry out (0 in sync, 1 blocked).")
    var detailedExitcode = false

    @OptionGroup var colors: ColorOptions

    func run() throws {
        let clock = PhaseClock()
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        let outcome = try ProgressNotice.around("ddi plan: reading the inventory and the snapshot, planning") {
            try PlanSession.run(root: root, livePaths: live, today: today, clock: clock) { CleanCommit.find(root: root, config: $0.config, files: $0.files) }
        }
        let plan: Plan
        switch outcome {
        case .invalidInventory(let report):
            StandardError.write(DiagnosticRenderer().text(report))
            try printUnplanned(.invalidInventory(errors: report.count(.error)))
            throw CommandRefusal("the inventory is not valid; nothing was planned (ddi validate shows every diagnostic)")
        case .snapshotProblems(let problems):
            StandardError.line(problems.message)
            try printUnplanned(.unreadableSnapshot(problems: problems.problems.count))
            throw CommandRefusal("the snapshot cannot be read; nothing was planned")
        case .planned(let session):
            plan = session.plan
        }
        let result = PlanOutcome(plan, detailedExitCode: detailedExitcode)
        if let out { try save(plan, outcome: result, to: out) }
        try printPlan(plan, outcome: result)
        clock.lap("render")
        if let out {
            fflush(nil)
            StandardError.write(SavedPlanNote.text(plan: plan, out: out, directories: StartDirectory.all(command: inventory.directory), live: live))
        }
        if let timing = clock.report { StandardError.write(timing) }
        // Exit here rather than return: freeing the inventory, the snapshot and their indexes one
        // object at a time took a tenth of the plan's time on the reference tenant (README "Performance").
        // The outcome holds them; without this Swift ends its lifetime at its last use above, and
        // frees them all before rendering.
        withExtendedLifetime(outcome) {}
        fflush(nil)
        Foundation.exit(Int32(result.exitCode))
    }

    /// The plan in the chosen format; JSON as the encoder's bytes (no `String` of several megabytes).
    private func printPlan(_ plan: Plan, outcome: PlanOutcome) throws {
        switch format {
        case .json:
            do {
                StandardOutput.write(try PlanDocument(plan, outcome: outcome).canonicalJSONBytes())
            } catch {
                throw OutputError("cannot encode the plan as JSON: \(TextEscaping.terminal(String(describing: error)))")
            }
        case .text:
            print(colors.painter().planText(try PlanRenderer().render(plan, as: format)), terminator: "")
        default:
            print(try PlanRenderer().render(plan, as: format), terminator: "")
        }
    }

    /// With --format json, a document that says why nothing was planned (exit status 1); with
    /// --format markdown, a pull-request comment that says so (the reason holds counts only).
    private func printUnplanned(_ outcome: PlanOutcome) throws {
        switch format {
        case .json: print(try UnplannedDocument(outcome: outcome).canonicalJSON(), terminator: "")
        case .markdown: print("### ddi plan\n\n> [!CAUTION]\n> \(outcome.reason.prefix(1).uppercased() + outcome.reason.dropFirst()).\n")
        case .text: break
        }
    }

    /// The saved plan is the JSON plan plus its checksum, outcome included.
    private func save(_ plan: Plan, outcome: PlanOutcome, to path: String) throws {
        do {
            let document = PlanDocument(plan, outcome: outcome)
            let saved = SavedPlanDocument(checksum: try SavedPlanDocument.checksum(of: document), plan: document)
            try saved.encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandRefusal("cannot write \(TextEscaping.terminal(path)): \(TextEscaping.terminal(error.localizedDescription))")
        }
    }
}

extension PlanCommand: NamesItselfInErrors {
    static let errorPrefix = "ddi plan: "
}
