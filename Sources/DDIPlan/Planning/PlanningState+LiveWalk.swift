import DDIKit

/// The live numbers walked in parts on several cores. Each number is evaluated on its own: what one
/// adds (actions and findings, appended; the declarations it was found in) never depends on another,
/// so each part walks a copy of the state and the parts are joined in order. Joined, the actions and
/// findings are those of one walk in the same order, and the planner's stable sort makes the same
/// plan of them.
enum LiveWalk {
    /// Below this many live numbers a part is not worth a thread.
    static let minimumPerWorker = 8_192

    /// `count` numbers cut into at most `workers` parts of at least `minimumPerWorker` each, in order.
    static func parts(count: Int, workers: Int, minimumPerWorker: Int) -> [Range<Int>] {
        let parts = max(1, min(workers, count / max(1, minimumPerWorker)))
        return (0..<parts).map { count * $0 / parts ..< count * ($0 + 1) / parts }
    }
}

extension PlanningState {
    mutating func walkLiveNumbers(workers: Int, minimumPerWorker: Int) {
        let parts = LiveWalk.parts(count: snapshot.numbers.count, workers: workers, minimumPerWorker: minimumPerWorker)
        guard parts.count > 1 else {
            walk(0..<snapshot.numbers.count)
            return
        }
        let start = self
        let walked = Parallel.map(parts) { range in
            var part = start
            part.walk(range)
            return part
        }
        for part in walked {
            actions += part.actions
            findings += part.findings
            for (index, found) in part.seen.enumerated() where found { seen[index] = true }
            for (index, count) in part.blockLiveCounts.enumerated() { blockLiveCounts[index] += count }
        }
    }
}
