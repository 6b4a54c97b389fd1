import DDIKit

/// The assigned numbers per range at one point in the history (one commit).
public struct AssignedSample: Sendable, Equatable {
    public var day: Day
    public var assignedByRange: [String: Int]

    public init(day: Day, assignedByRange: [String: Int]) {
        self.day = day
        self.assignedByRange = assignedByRange
    }

    public var total: Int { assignedByRange.values.reduce(0, +) }
}

extension GitHistory {
    /// Assigned numbers per range (today's `ranges`) along the first-parent chain from `tip`: one sample
    /// per committer day, the day's last state, newest day first back to the first day before `since`,
    /// returned oldest first.
    ///
    /// Built from the same per-commit entry changes as `history` and `audit` (`facts(from:)`, cached
    /// in `.ddi/cache/`): the counts start at zero before the first commit and follow each commit's
    /// changes against its first parent, so no file is parsed whole unless the change walker must.
    /// A base number with several extensions counts once; a block never counts.
    public func assignedSamples(ranges: [NumberRange], since: Day, from tip: GitOID) throws -> [AssignedSample] {
        try assignedSamples(ranges: ranges, since: since, from: tip, facts: try facts(from: tip))
    }

    /// `assignedSamples` from facts already read (`facts(from: tip)`), so that a caller that needs
    /// them for more than the series reads the history once.
    public func assignedSamples(ranges: [NumberRange], since: Day, from tip: GitOID, facts: [CommitFacts]) throws -> [AssignedSample] {
        var byOID: [GitOID: CommitFacts] = [:]
        for record in facts { byOID[record.commit.oid] = record }
        // The first-parent chain, newest first, and which of its commits are the samples.
        var chain: [(oid: GitOID, firstParent: GitOID?, isMerge: Bool)] = []
        var sampled: [Int: Day] = [:]
        var lastDay: Day?
        var reachedWindowStart = false
        var next: GitOID? = tip
        while let oid = next {
            let commit = try repository.commit(oid)
            let parents = commit.parentOIDs
            chain.append((oid, parents.first, parents.count > 1))
            if !reachedWindowStart {
                let day = Self.day(of: commit.committer)
                // Walking newest first: the first commit seen for a day is that day's last state.
                if day != lastDay { sampled[chain.count - 1] = day }
                lastDay = day
                if day < since { reachedWindowStart = true }
            }
            next = parents.first
        }
        var counter = AssignedCounter(ranges: ranges)
        var samples: [AssignedSample] = []
        for index in chain.indices.reversed() {
            let link = chain[index]
            counter.apply(try firstParentChanges(of: link.oid, firstParent: link.firstParent, isMerge: link.isMerge, record: byOID[link.oid]))
            if let day = sampled[index] { samples.append(AssignedSample(day: day, assignedByRange: counter.byRange)) }
        }
        return samples
    }

    /// A commit's entry changes against its first parent. A merge has a record only when it differs
    /// from every parent; one that only brings in another branch (its tree is that branch's) still
    /// changes the first-parent line, so that comparison is made here.
    private func firstParentChanges(of oid: GitOID, firstParent: GitOID?, isMerge: Bool, record: CommitFacts?) throws -> [ChangeFact] {
        if let record { return record.changes.first ?? [] }
        guard isMerge, let firstParent else { return [] }
        return try walker.changes(from: try walker.inventoryTree(of: firstParent), to: try walker.inventoryTree(of: oid), number: nil)
            .map(ChangeFact.init)
    }

    /// The committer's calendar day in the committer's time zone.
    static func day(of signature: GitSignature) -> Day {
        let local = signature.time + Int64(signature.offsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        return Day(daysSinceEpoch: Int(days))
    }
}

/// Assigned numbers per range, kept up to date change by change.
struct AssignedCounter {
    private let finder: RangeIndex
    /// Assigned single-number entries per base number: extensions share their base number, which counts once.
    private var entries: [UInt64: Int] = [:]
    private(set) var byRange: [String: Int] = [:]

    init(ranges: [NumberRange]) { finder = RangeIndex(ranges) }

    mutating func apply(_ changes: [ChangeFact]) {
        for change in changes {
            if let before = change.before { adjust(before, by: -1) }
            if let after = change.after { adjust(after, by: 1) }
        }
    }

    private mutating func adjust(_ side: ChangeFact.Side, by step: Int) {
        guard side.countsAsAssigned, let key = side.span?.lower else { return }
        let previous = entries[key] ?? 0
        let now = max(0, previous + step)
        entries[key] = now == 0 ? nil : now
        guard (previous == 0) != (now == 0), let id = finder.range(containing: key) else { return }
        let count = (byRange[id] ?? 0) + (now == 0 ? -1 : 1)
        byRange[id] = count == 0 ? nil : count
    }
}

/// Today's ranges sorted by first number, for a binary search from a number to its range id.
struct RangeIndex {
    let spans: [(lower: UInt64, upper: UInt64, id: String)]

    init(_ ranges: [NumberRange]) {
        spans = ranges.compactMap { range in range.span.map { ($0.value.lowerKey, $0.value.upperKey, range.id.value) } }
            .sorted { $0.lower < $1.lower }
    }

    func range(containing key: UInt64) -> String? {
        var low = 0, high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].lower <= key { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        // Ranges should not overlap (DDI004); look back a little in case they do.
        while index >= 0, index >= low - 8 {
            if spans[index].upper >= key { return spans[index].id }
            index -= 1
        }
        return nil
    }
}
