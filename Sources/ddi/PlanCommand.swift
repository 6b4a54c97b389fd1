import ArgumentParser
import DDIKit
import DDIPlan
import Foundation

enum PlanFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, json
}

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
        var clock = PhaseClock()
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        let sources: DeclaredSources
        do {
            sources = try DeclaredSources.read(root: root)
        } catch {
            throw ValidationError(TextEscaping.terminal("\(error)"))
        }
        clock.lap("read inventory")
        // The snapshot does not depend on the inventory: read it on another core meanwhile.
        let paths = try livePaths(root: root, configured: sources.liveDirectory)
        let prefix = live.isEmpty ? (root.hasSuffix("/") ? root : root + "/") : nil
        let pendingSnapshot = Background(placeholder: .failure(SnapshotProblems([]))) { () -> Result<LiveSnapshot, SnapshotProblems> in
            do throws(SnapshotProblems) {
                return .success(try SnapshotLoader.load(paths: paths, display: { path in
                    guard let prefix, path.hasPrefix(prefix) else { return path }
                    return String(path.dropFirst(prefix.count))
                }))
            } catch {
                return .failure(error)
            }
        }
        let loaded = sources.load()
        clock.lap("parse inventory")
        let report = Validator.validate(loaded, today: today)
        clock.lap("validate")
        if report.hasErrors {
            StandardError.write(DiagnosticRenderer().text(report))
            StandardError.write("ddi plan: the inventory is not valid; nothing was planned (ddi validate shows every diagnostic)\n")
            throw ExitCode(1)
        }

        let snapshot: LiveSnapshot
        switch pendingSnapshot.value() {
        case .success(let value):
            snapshot = value
        case .failure(let problems):
            StandardError.lines(problems.problems, prefix: "error: ")
            StandardError.write("ddi plan: the snapshot cannot be read; nothing was planned\n")
            throw ExitCode(1)
        }

        clock.lap("read snapshot")
        let inputs = PlanInputs(declared: sources.declaredInputs(commit: CleanCommit.find(root: root, sources: sources)), live: snapshot.files)
        clock.lap("digests")
        let plan = Planner.plan(inventory: loaded.inventory, snapshot: snapshot, inputs: inputs)
        clock.lap("plan")
        if let out {
            do {
                try Data(PlanJSONRenderer.renderSaved(plan).utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                StandardError.line("ddi plan: cannot write \(TextEscaping.terminal(out)): \(TextEscaping.terminal(error.localizedDescription))")
                throw ExitCode(1)
            }
        }
        let rendered = switch format {
        case .text: PlanTextRenderer.render(plan)
        case .markdown: PlanMarkdownRenderer.render(plan)
        case .json: PlanJSONRenderer.render(plan)
        }
        print(rendered, terminator: "")
        clock.lap("render")
        clock.report()
        // Exit here rather than return: freeing the inventory, the snapshot and their indexes one
        // object at a time took a tenth of the plan's time on the reference tenant (DESIGN 10).
        fflush(nil)
        Foundation.exit(plan.exitCode(detailed: detailedExitcode))
    }

    private func livePaths(root: String, configured: String?) throws -> [String] {
        if !live.isEmpty { return live }
        guard let configured else {
            throw ValidationError("no snapshot: pass --live PATH, or set `live:` in \(Inventory.configFileName)")
        }
        return [(root as NSString).appendingPathComponent(configured)]
    }

}

/// `DDI_TIMING=1` prints how long each phase took to standard error (for the benchmarks).
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["DDI_TIMING"] == "1"
    private var last = DispatchTime.now()
    private var laps: [(String, Double)] = []

    mutating func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    func report() {
        guard enabled else { return }
        StandardError.write(laps.map { $0.0.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: " %.3f s", $0.1) }.joined(separator: "\n") + "\n")
    }
}

/// A value computed on another thread; `value()` waits for it.
final class Background<Value: Sendable>: @unchecked Sendable {
    private var result: Value
    private let done = DispatchSemaphore(value: 0)

    /// `work` runs on a new thread; `placeholder` is only there so that no value is ever forced.
    init(placeholder: Value, _ work: @escaping @Sendable () -> Value) {
        result = placeholder
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    func value() -> Value {
        done.wait()
        done.signal()
        return result
    }
}
