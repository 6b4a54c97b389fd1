import DDIGit
import DDIKit

/// The report's allocation series from the inventory's git history (DDIGit's `assignedSamples`), or
/// why there is none.
public enum GitHistorySampler {
    public struct Outcome: Sendable {
        public var samples: [AssignedSample]
        /// Why there are no samples, when there are none.
        public var note: String?
        /// Every change to a declaration, to date idle numbers (nil without history).
        public var touches: DeclarationTouches?

        public init(samples: [AssignedSample], note: String?, touches: DeclarationTouches? = nil) {
            self.samples = samples
            self.note = note
            self.touches = touches
        }
    }

    /// `ranges` are today's ranges; `since` the first day the report needs (today - 365 days).
    public static func samples(root: String, ranges: [NumberRange], since: Day) -> Outcome {
        do {
            return samples(history: try GitHistory.open(inventoryRoot: root), ranges: ranges, since: since)
        } catch {
            return Outcome(samples: [], note: "no git history (\(error))")
        }
    }

    /// The series and the hand-back dates from one reading of `history` (its cache, when it has one).
    public static func samples(history: GitHistory, ranges: [NumberRange], since: Day) -> Outcome {
        do {
            guard let head = try history.repository.headCommit() else { return Outcome(samples: [], note: "the git repository has no commits yet") }
            // One pass over the history (or the cache) for both the series and the hand-back dates.
            let facts = try history.facts(from: head)
            let samples = try history.assignedSamples(ranges: ranges, since: since, from: head, facts: facts)
            return Outcome(samples: samples, note: nil, touches: GitHistory.declarationTouches(facts: facts))
        } catch {
            return Outcome(samples: [], note: "no git history (\(error))")
        }
    }
}
