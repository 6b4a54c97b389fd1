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
