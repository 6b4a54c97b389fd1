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
            let history = try GitHistory.open(inventoryRoot: root)
            guard let head = try history.repository.headCommit() else { return Outcome(samples: [], note: "the git repository has no commits yet") }
            let samples = try history.assignedSamples(ranges: ranges, since: since, from: head)
            return Outcome(samples: samples, note: nil, touches: try history.declarationTouches(from: head))
        } catch {
            return Outcome(samples: [], note: "no git history (\(error))")
        }
    }
}
