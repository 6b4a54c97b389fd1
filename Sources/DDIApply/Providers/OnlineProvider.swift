import DDIKit

/// A provider that calls the tenant now, one step at a time (Graph). It implements only how to
/// carry one step out; the run around it (`JournaledRun`) is shared: steps in order, each
/// finished step journaled before the next starts, a rerun resuming, the first failure stopping.
public protocol OnlineProvider: ApplyProvider {
    /// Reads the number's live state, checks it with `step.liveCheck` (the shared rule), and
    /// carries the step out when needed: `.done`, or `.alreadyDone` when the tenant already shows
    /// it. Throws when the tenant changed since the plan or a call failed.
    func carryOut(_ step: ApplyStep) throws -> StepOutcome
    /// A failure in words for the terminal, without any secret (a token, a client secret).
    func describe(_ error: any Error) -> String
}

extension OnlineProvider {
    public static var holdsApplyLock: Bool { true }
    public static var writesScript: Bool { false }

    /// Opens the journal of this plan against this snapshot (its warnings go to `context.warn`)
    /// and runs the steps through it.
    public func apply(_ steps: [ApplyStep], context: ApplyContext) throws(ApplyRefusal) -> ApplyReport {
        let journal = try ApplyJournal(directory: context.journalDirectory, checksum: context.checksum, live: context.liveDigest)
        for warning in journal.warnings { context.warn("journal \(warning)") }
        let progress = ApplyProgress(total: steps.count, terminal: context.terminal, write: context.progress)
        return JournaledRun.run(steps, with: self, journal: journal, progress: progress)
    }
}

/// The run every online provider shares.
public enum JournaledRun {
    /// Carries `steps` out in order with `provider`. A step the journal lists is still checked
    /// against the tenant (the journal is a hint, not proof): when its effect is there it counts as
    /// done earlier and is not journaled again.
    public static func run<Provider: OnlineProvider>(_ steps: [ApplyStep], with provider: Provider, journal: ApplyJournal,
                                                     progress: ApplyProgress) -> ApplyReport {
        var report = ApplyReport(provider: Provider.name, result: .carriedOut(journal: journal.path), total: steps.count)
        let finished = journal.finished
        for (index, step) in steps.enumerated() {
            let summary = TextEscaping.terminal(step.summary)
            let journaled = finished.contains(step.id)
            do {
                var outcome: StepOutcome
                if let reason = Provider.skipReason(for: step) {
                    outcome = .skipped(reason)
                    report.advice[reason] = Provider.advice(for: reason)
                } else {
                    outcome = try provider.carryOut(step)
                    if outcome == .alreadyDone, journaled { outcome = .doneEarlier }
                }
                report.results.append(ApplyReport.StepResult(step: step.id, outcome: outcome))
                if outcome.needsJournalLine(journaled: journaled) {
                    try journal.record(step: step.id, outcome: outcome)
                }
                progress.step(index + 1, summary, outcome: outcome)
            } catch {
                let message = (error as? ApplyRefusal)?.message ?? provider.describe(error)
                report.failure = ApplyReport.StepFailure(step: step.id, summary: summary, message: message)
                progress.failed(index + 1, summary)
                return report
            }
        }
        return report
    }
}
