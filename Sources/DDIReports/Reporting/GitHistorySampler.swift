import DDIGit
import DDIKit

/// The report's allocation series from the inventory's git history (DDIGit's `assignedSamples`), or
/// why there is none.
public enum GitHistorySampler {
    public struct Outcome: Sendable {
        public var samples: [AssignedSample]
        /// Why there are no samples, when there are none.
        public var note: String?

        public init(samples: [AssignedSample], note: String?) {
            self.samples = samples
            self.note = note
        }
    }

    /// `ranges` are today's ranges; `since` the first day the report needs (today - 365 days).
    public static func samples(root: String, ranges: [NumberRange], since: Day) -> Outcome {
        do {
            let history = try GitHistory.open(inventoryRoot: root)
            guard let head = try history.repository.headCommit() else { return Outcome(samples: [], note: "the git repository has no commits yet") }
            return Outcome(samples: try history.assignedSamples(ranges: ranges, since: since, from: head), note: nil)
        } catch {
            return Outcome(samples: [], note: "no git history (\(error))")
        }
    }
}
