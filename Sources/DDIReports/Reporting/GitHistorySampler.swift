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
        /// `touches` as intervals of number keys, built while the inventory loaded (nil: build it
        /// when needed).
        var lastChange: LastChangeMap?

        public init(samples: [AssignedSample], note: String?, touches: DeclarationTouches? = nil) {
            self.samples = samples
            self.note = note
            self.touches = touches
        }
    }

    /// `ranges` are today's ranges; `since` the first day the report needs (today - 365 days).
    public static func samples(root: String, ranges: [NumberRange], since: Day) -> Outcome {
        read(root: root).outcome(ranges: ranges, since: since)
    }

    /// The series and the hand-back dates from one reading of `history` (its cache, when it has one).
    public static func samples(history: GitHistory, ranges: [NumberRange], since: Day) -> Outcome {
        read(history).outcome(ranges: ranges, since: since)
    }

    /// Starts reading the history of the inventory at `root` on another thread, so that it overlaps
    /// loading the inventory (the series needs today's ranges: `PendingHistory.outcome`). The same
    /// outcome as `samples(root:ranges:since:)`, which does both steps one after the other.
    public static func start(root: String) -> PendingHistory {
        PendingHistory(Background(placeholder: HistoryRead(.note("not read"))) { GitHistorySampler.read(root: root) })
    }

    /// What does not need the inventory: the repository, its HEAD, every commit's facts (the cache,
    /// or one walk), the declaration touches and their last-change map.
    static func read(root: String) -> HistoryRead {
        do {
            return read(try GitHistory.open(inventoryRoot: root))
        } catch {
            return HistoryRead(.note("no git history (\(error))"))
        }
    }

    static func read(_ history: GitHistory) -> HistoryRead {
        do {
            guard let head = try history.repository.headCommit() else { return HistoryRead(.note("the git repository has no commits yet")) }
            // One pass over the history (or the cache) for both the series and the hand-back dates.
            let facts = try history.facts(from: head)
            let touches = GitHistory.declarationTouches(facts: facts)
            return HistoryRead(.read(history: history, head: head, facts: facts, touches: touches, lastChange: LastChangeMap(touches.touches)))
        } catch {
            return HistoryRead(.note("no git history (\(error))"))
        }
    }
}

/// The first step of reading the history (`GitHistorySampler.read`). `@unchecked Sendable`: it is
/// made on the reading thread and handed over whole, after that thread is done with it
/// (`Background.value()` waits for it), so the repository is never used by two threads at once.
final class HistoryRead: @unchecked Sendable {
    enum State {
        case note(String)
        case read(history: GitHistory, head: GitOID, facts: [CommitFacts], touches: DeclarationTouches, lastChange: LastChangeMap)
    }

    let state: State

    init(_ state: State) { self.state = state }

    /// The series for today's `ranges` (the first-parent chain from HEAD): any failure there is
    /// "no git history", with neither samples nor touches.
    func outcome(ranges: [NumberRange], since: Day) -> GitHistorySampler.Outcome {
        switch state {
        case .note(let note):
            return GitHistorySampler.Outcome(samples: [], note: note)
        case .read(let history, let head, let facts, let touches, let lastChange):
            do {
                let samples = try history.assignedSamples(ranges: ranges, since: since, from: head, facts: facts)
                var outcome = GitHistorySampler.Outcome(samples: samples, note: nil, touches: touches)
                outcome.lastChange = lastChange
                return outcome
            } catch {
                return GitHistorySampler.Outcome(samples: [], note: "no git history (\(error))")
            }
        }
    }
}

/// The history being read on another thread (`GitHistorySampler.start`).
public struct PendingHistory: Sendable {
    private let read: Background<HistoryRead>

    init(_ read: Background<HistoryRead>) { self.read = read }

    /// Waits for the reading thread, then the series for today's `ranges`.
    public func outcome(ranges: [NumberRange], since: Day) -> GitHistorySampler.Outcome {
        read.value().outcome(ranges: ranges, since: since)
    }

    /// Waits for the reading thread without using what it read (the command failed meanwhile), so
    /// that the process never ends while the history's cache is being written.
    public func discard() {
        _ = read.value()
    }
}
