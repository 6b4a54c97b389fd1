import ArgumentParser
import DDIApply
import DDIKit
import DDIPlan
import Foundation

enum ApplyProvider: String, CaseIterable, ExpressibleByArgument {
    case powershell, graph
}

struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a plan to Teams: write a PowerShell script, or call Microsoft Graph.",
        discussion: """
        With PLAN (saved by ddi plan --out), the plan is made again from the inventory and the snapshot \
        given, and apply refuses when the two differ in any action, in the live state an action expects \
        (previous holder, tags, location, category) or in the summary (a stale or forged plan), or when \
        PLAN was edited (checksum). What is applied is the plan made now. Without PLAN, apply plans now \
        and asks for confirmation on a terminal (--yes for CI).

        A plan with an error finding is never applied (with or without PLAN, with either provider).

        Plans that unassign or reassign more than safety.max_unassign_percent / max_reassign_percent of \
        the live assignments (when there are at least safety.min_existing) are refused unless --force.

        --provider graph reads DDI_GRAPH_TENANT_ID, DDI_GRAPH_CLIENT_ID and DDI_GRAPH_CLIENT_SECRET \
        (and DDI_GRAPH_BASE_URL / DDI_LOGIN_BASE_URL) from the environment, and journals each finished \
        step to .ddi/journal/<plan checksum>.jsonl: running the same apply again resumes.

        Exit status: 0 applied (or nothing to do), 1 refused or failed, 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions

    @Argument(help: ArgumentHelp("A plan saved by ddi plan --out.", valueName: "PLAN"))
    var planFile: String?

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories (default: `live:` in ddi.yaml).", valueName: "PATH"))
    var live: [String] = []

    @Option(help: "powershell (write a script) or graph (call Microsoft Graph).")
    var provider: ApplyProvider

    @Option(help: ArgumentHelp("Where --provider powershell writes its script.", valueName: "FILE"))
    var scriptOut: String?

    @Flag(help: "Apply even when the plan exceeds the safety thresholds of ddi.yaml.")
    var force = false

    @Flag(help: "Do not ask for confirmation (needed without a terminal when no PLAN is given).")
    var yes = false

    func validate() throws {
        if provider == .powershell, scriptOut == nil { throw ValidationError("--provider powershell needs --script-out FILE") }
        if provider == .graph, scriptOut != nil { throw ValidationError("--script-out is only for --provider powershell") }
    }

    func run() throws {
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        do {
            try apply(root: root, today: today)
        } catch let refusal as ApplyRefusal {
            StandardError.write("ddi apply: \(refusal.message)\n")
            throw ExitCode(1)
        }
    }

    private func apply(root: String, today: Day) throws {
        // One Graph apply at a time, from planning to the last step (DESIGN 12).
        let applyLock = provider == .graph ? try ApplyLock.acquire(root: root) : nil
        defer { applyLock?.release() }
        let current = try CurrentPlan.compute(root: root, livePaths: live, today: today)
        let saved = try planFile.map { path throws(ApplyRefusal) in try SavedPlan.load(path: path) }
        let approved = try ApplyGate.approve(current: current, saved: saved, force: force)
        let plan = approved.plan
        let checksum = approved.checksum
        guard plan.hasChanges else {
            print("No changes. Nothing to apply.")
            return
        }
        if !approved.forcedPast.isEmpty {
            StandardError.write("ddi apply: --force given, going ahead although\n" + approved.forcedPast.map { "  " + $0.description }.joined(separator: "\n") + "\n")
        }
        if planFile == nil {
            print(PlanTextRenderer.render(plan), terminator: "")
            try confirm(plan)
        }
        let steps = ApplySteps.steps(for: plan)
        switch provider {
        case .powershell:
            let script = try PowerShellScriptWriter.script(for: plan, checksum: checksum)
            let path = scriptOut ?? "apply.ps1"
            do {
                try Data(script.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw ApplyRefusal("cannot write \(path): \(error.localizedDescription)")
            }
            print("Wrote \(path): \(steps.count) step(s) for \(plan.actions.count) change(s). Run it in a session with Connect-MicrosoftTeams.")
        case .graph:
            let configuration = try GraphConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
            let journal = try ApplyJournal(directory: (root as NSString).appendingPathComponent(".ddi/journal"), checksum: checksum,
                                           live: ApplyJournal.liveDigest(of: current.plan.inputs.live))
            for warning in journal.warnings { StandardError.write("ddi apply: warning: journal \(warning)\n") }
            let client = GraphClient(configuration: configuration)
            let progress = ApplyProgress(total: steps.count, terminal: isatty(2) != 0) { StandardError.write($0) }
            let report = GraphApplier.apply(steps: steps, client: client, journal: journal, progress: progress)
            var summary = "\(report.done.count) step(s) applied, \(report.alreadyDone.count) already in place"
            if !report.resumed.isEmpty { summary += ", \(report.resumed.count) done by an earlier run (journal)" }
            if !report.skipped.isEmpty { summary += ", \(report.skipped.count) tag step(s) skipped (Graph v1.0 has no number tags; use --provider powershell for them)" }
            if let failure = report.failure {
                let finished = report.done.count + report.alreadyDone.count + report.resumed.count + report.skipped.count
                throw ApplyRefusal("stopped at the first failure: \(failure)\n\(summary); \(report.total - finished) of \(report.total) step(s) not done. Run the same command again to resume (journal: \(journal.path)).")
            }
            print("Applied: \(summary) of \(report.total).")
        }
    }

    private func confirm(_ plan: Plan) throws {
        if yes { return }
        guard isatty(0) != 0 else {
            throw ApplyRefusal("no plan file and no terminal to confirm on: pass --yes, or apply a plan saved with ddi plan --out")
        }
        print("Apply these \(plan.actions.count) change(s)? Only 'yes' is accepted: ", terminator: "")
        fflush(nil)
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            throw ApplyRefusal("not confirmed; nothing was applied")
        }
    }
}
