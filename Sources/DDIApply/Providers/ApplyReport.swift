import DDIKit

/// What a provider did with a plan's steps, step by step, in order.
public struct ApplyReport: Sendable, Equatable {
    public struct StepResult: Sendable, Equatable {
        public var step: String
        public var outcome: StepOutcome

        public init(step: String, outcome: StepOutcome) {
            self.step = step
            self.outcome = outcome
        }
    }

    /// The step that stopped the apply. `summary` and `message` are escaped for a terminal.
    public struct StepFailure: Sendable, Equatable, CustomStringConvertible {
        public var step: String
        public var summary: String
        public var message: String
        /// The step found the tenant changed since the plan: a rerun would stop here again.
        public var tenantChanged: Bool
        public var description: String { "\(summary): \(message)" }

        public init(step: String, summary: String, message: String, tenantChanged: Bool = false) {
            self.step = step
            self.summary = summary
            self.message = message
            self.tenantChanged = tenantChanged
        }
    }

    /// What the provider produced: calls made to the tenant, or a script to run.
    public enum Result: Sendable, Equatable {
        /// Steps carried out now; the journal that records them.
        case carriedOut(journal: String)
        /// A script written to `path`; `nextStep` tells the user how to run it.
        case scriptWritten(path: String, nextStep: String)
    }

    public var provider: String
    public var result: Result
    /// Steps in the plan.
    public var total: Int
    /// The plan's actions (changes); a change is one or more steps.
    public var changes = 0
    /// One per step that finished, in order (none for a script: nothing has run yet).
    public var results: [StepResult] = []
    public var failure: StepFailure?
    /// The provider's words for each kind of skipped step (`ApplyProvider.advice(for:)`).
    public var advice: [SkipReason: String] = [:]
    /// Steps carried out without a part the provider cannot do (`ApplyProvider.partialSkipReason(for:)`).
    public var partlySkipped: [SkipReason: [String]] = [:]

    public init(provider: String, result: Result, total: Int) {
        self.provider = provider
        self.result = result
        self.total = total
    }

    /// The ids of the steps with `outcome`, in order.
    public func steps(_ outcome: StepOutcome) -> [String] {
        results.filter { $0.outcome == outcome }.map(\.step)
    }

    public var done: [String] { steps(.done) }
    public var alreadyDone: [String] { steps(.alreadyDone) }
    public var resumed: [String] { steps(.doneEarlier) }
    public var skipped: [String] {
        results.filter { if case .skipped = $0.outcome { true } else { false } }.map(\.step)
    }
}

extension ApplyReport {
    /// The line `ddi apply` prints when the provider finished.
    public var summary: String {
        switch result {
        case .scriptWritten(let path, let nextStep):
            return "Wrote \(path): \(Wording.counted(total, "step")) for \(Wording.counted(changes, "change")). \(nextStep)"
        case .carriedOut:
            return "Applied: \(counts) of \(total)."
        }
    }

    /// Why `ddi apply` stopped, where, and how to resume; nil when no step failed.
    public var stopMessage: String? {
        guard let failure else { return nil }
        var message = "stopped at the first failure: \(failure)\n\(counts); \(total - results.count) of \(Wording.counted(total, "step")) not done."
        // A changed tenant stops a rerun at the same step: the failure already says what to do.
        if case .carriedOut(let journal) = result, !failure.tenantChanged {
            message += " Run the same command again to resume (journal: \(journal))."
        }
        return message
    }

    /// "3 steps applied, 1 already in place, 2 tag steps skipped (…)".
    var counts: String {
        var text = "\(Wording.counted(done.count, "step")) applied, \(alreadyDone.count) already in place"
        if !resumed.isEmpty { text += ", \(resumed.count) done by an earlier run (journal)" }
        for reason in SkipReason.allCases {
            let count = steps(.skipped(reason)).count
            guard count > 0 else { continue }
            text += ", \(Wording.counted(count, reason.step)) skipped"
            if let advice = advice[reason] { text += " (\(advice))" }
        }
        for reason in SkipReason.allCases {
            let count = partlySkipped[reason]?.count ?? 0
            guard count > 0 else { continue }
            text += ", \(Wording.counted(count, reason.step)) not set"
            if let advice = advice[reason] { text += " (\(advice))" }
        }
        return text
    }
}
