import DDIKit

/// A run of numbers of a range that may be allocated: either declared by no entry, or declared by an
/// entry that gives them up (`status: free`, or a quarantine that is over).
struct FreeRun: Sendable, Equatable {
    var first: UInt64
    var last: UInt64
    /// Index into `Inventory.numbers` of the entry that declares the run; nil when undeclared.
    var entryIndex: Int?

    var count: UInt64 { last - first + 1 }
}

/// Finds free numbers by sweeping the entries of a range in order: work grows with the number of
/// declared entries (n log n for the sort), never with the size of the range.
enum FreeNumbers {
    /// True when an entry's numbers may be taken: explicitly free, or quarantined long enough.
    static func isAllocatable(_ entry: NumberEntry, policy: Policy, today: Day) -> Bool {
        guard let span = entry.span, span.first.phoneExtension == nil else { return false }
        switch entry.status?.value {
        case .free?: return true
        case .quarantine?:
            guard let since = entry.since?.value else { return false }
            return policy.isQuarantineOver(since: since, today: today)
        default: return false
        }
    }

    /// The free runs of `range`, lowest first.
    static func runs(in range: NumberSpan, numbers: [NumberEntry], policy: Policy, today: Day) -> [FreeRun] {
        let inside = numbers.indices.filter { numbers[$0].span?.overlaps(range) == true }
            .sorted { (numbers[$0].span?.lowerKey ?? 0, $0) < (numbers[$1].span?.lowerKey ?? 0, $1) }
        var runs: [FreeRun] = []
        var cursor = range.lowerKey
        var exhausted = false
        func base(_ key: UInt64) -> UInt64 { key - range.lowerKey + range.first.value }
        for index in inside {
            guard !exhausted, let span = numbers[index].span else { continue }
            let lower = max(span.lowerKey, range.lowerKey), upper = min(span.upperKey, range.upperKey)
            if lower > cursor {
                runs.append(FreeRun(first: base(cursor), last: base(lower - 1), entryIndex: nil))
            }
            let from = max(lower, cursor)
            if from <= upper, isAllocatable(numbers[index], policy: policy, today: today) {
                runs.append(FreeRun(first: base(from), last: base(upper), entryIndex: index))
            }
            if upper >= cursor {
                if upper == UInt64.max || upper >= range.upperKey { exhausted = true } else { cursor = upper + 1 }
            }
        }
        if !exhausted, cursor <= range.upperKey {
            runs.append(FreeRun(first: base(cursor), last: base(range.upperKey), entryIndex: nil))
        }
        return runs
    }

    /// How many numbers the runs hold.
    static func count(_ runs: [FreeRun]) -> UInt64 { runs.reduce(0) { $0 + $1.count } }
}
