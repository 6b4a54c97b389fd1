import DDIKit

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
                if outcome == .done, let reason = Provider.partialSkipReason(for: step) {
                    report.partlySkipped[reason, default: []].append(step.id)
                    report.advice[reason] = Provider.advice(for: reason)
                }
                report.results.append(ApplyReport.StepResult(step: step.id, outcome: outcome))
                if outcome.needsJournalLine(journaled: journaled) {
                    try journal.record(step: step.id, outcome: outcome)
                }
                progress.step(index + 1, summary, outcome: outcome)
            } catch {
                let message = (error as? ApplyRefusal)?.message ?? (error as? TenantChanged)?.message ?? provider.describe(error)
                report.failure = ApplyReport.StepFailure(step: step.id, summary: summary, message: message,
                                                         tenantChanged: error is TenantChanged)
                progress.failed(index + 1, summary)
                return report
            }
        }
        return report
    }
}
