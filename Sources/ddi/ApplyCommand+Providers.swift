import ArgumentParser
import DDIApply
import DDIKit
import DDIPlan
import Foundation

/// What `ddi apply` does once the plan is approved: write the script, or call Graph.
extension ApplyCommand {
    func writeScript(_ plan: Plan, checksum: String) throws {
        let script = try PowerShellScriptWriter.script(for: plan, checksum: checksum)
        let path = scriptOut ?? "apply.ps1"
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ApplyRefusal("cannot write \(TextEscaping.terminal(path)): \(TextEscaping.terminal(error.localizedDescription))")
        }
        let steps = ApplySteps.steps(for: plan)
        print("Wrote \(TextEscaping.terminal(path)): \(steps.count) step(s) for \(plan.actions.count) change(s). Run it in a session with Connect-MicrosoftTeams.")
    }

    func applyThroughGraph(_ plan: Plan, checksum: String, current: CurrentPlan, root: String) throws {
        let steps = ApplySteps.steps(for: plan)
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
            // A changed tenant stops a rerun at the same step: the failure already says what to do.
            let next = report.stoppedOnChangedTenant ? "" : " Run the same command again to resume (journal: \(TextEscaping.terminal(journal.path)))."
            throw ApplyRefusal("stopped at the first failure: \(failure)\n\(summary); \(report.total - finished) of \(report.total) step(s) not done.\(next)")
        }
        print("Applied: \(summary) of \(report.total).")
    }

    func confirm(_ plan: Plan) throws {
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
