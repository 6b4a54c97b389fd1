import ArgumentParser
import DDIApply
import DDIKit
import DDIPlan
import Foundation

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
        (and DDI_GRAPH_BASE_URL / DDI_LOGIN_BASE_URL) from the environment, runs one apply at a time \
        per inventory (.ddi/apply.lock), and journals each finished step to \
        .ddi/journal/<plan hex>-<snapshot hex>.jsonl, one journal per plan and snapshot: running the \
        same apply again with the same snapshot resumes. When the tenant changed since the plan, apply \
        stops: pull a new snapshot and make a new plan.

        Exit status: 0 applied (or nothing to do), 1 refused or failed, 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions

    @Argument(help: ArgumentHelp("A plan saved by ddi plan --out.", valueName: "PLAN"), completion: .file(extensions: ["json"]))
    var planFile: String?

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories (default: `live:` in ddi.yaml).", valueName: "PATH"),
            completion: .file())
    var live: [String] = []

    @Option(help: ArgumentHelp(ApplyProviders.help))
    var provider: ProviderChoice

    @Option(help: ArgumentHelp("Where --provider \(ApplyProviders.scriptWriterNames) writes its script.", valueName: "FILE"), completion: .file(extensions: ["ps1"]))
    var scriptOut: String?

    @Flag(help: "Apply even when the plan exceeds the safety thresholds of ddi.yaml.")
    var force = false

    @Flag(help: "Do not ask for confirmation (needed without a terminal when no PLAN is given).")
    var yes = false

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        let chosen = provider.type
        if chosen.writesScript, scriptOut == nil { throw ValidationError("--provider \(chosen.name) needs --script-out FILE") }
        if !chosen.writesScript, scriptOut != nil { throw ValidationError("--script-out is only for --provider \(ApplyProviders.scriptWriterNames)") }
    }

    func run() throws {
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        // One Graph apply at a time, from planning to the last step (README "One apply at a time, and the journal").
        let applyLock = provider.type.holdsApplyLock ? try ApplyLock.acquire(root: root) : nil
        defer { applyLock?.release() }
        let current = try ProgressNotice.around("ddi apply: planning again from the inventory and the snapshot") {
            try CurrentPlan.compute(root: root, livePaths: live, today: today)
        }
        let saved = try planFile.map { path throws(ApplyRefusal) in try SavedPlan.load(path: path) }
        let approved = try ApplyGate.approve(current: current, saved: saved, force: force)
        let plan = approved.plan
        guard plan.hasChanges else {
            print("No changes. Nothing to apply.")
            return
        }
        if !approved.forcedPast.isEmpty {
            StandardError.write("ddi apply: --force given, going ahead although\n" + approved.forcedPast.map { "  " + $0.description }.joined(separator: "\n") + "\n")
        }
        if planFile == nil {
            print(colors.painter().planText(PlanTextRenderer.render(plan)), terminator: "")
            try confirm(plan)
        }
        let context = ApplyContext(root: root, checksum: approved.checksum, live: current.plan.inputs.live, output: scriptOut,
                                   environment: ProcessInfo.processInfo.environment, terminal: isatty(2) != 0,
                                   warn: { StandardError.write("ddi apply: warning: \($0)\n") }, progress: { StandardError.write($0) })
        print(try ApplyRun.carryOut(plan, with: provider.type, context: context).summary)
    }
}

extension ApplyCommand: NamesItselfInErrors {
    static let errorPrefix = "ddi apply: "
}
