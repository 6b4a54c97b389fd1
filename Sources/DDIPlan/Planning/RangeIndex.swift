import DDIKit

/// What the planner needs of a range: its id, source and emergency location (folded).
struct RangeFacts {
    let id: String
    let source: NumberSource?
    let locationID: String?
}

/// Ranges sorted by first number, for "which range holds this number" by binary search. A valid
/// inventory has no overlapping ranges (DDI004), so the last range starting at or below a number is
/// the only candidate.
struct RangeIndex {
    // Parallel arrays: a binary search touches only the integers, and a hit returns three fields
    // rather than a copy of the whole range.
    private let lowers: [UInt64]
    private let uppers: [UInt64]
    private let facts: [RangeFacts]

    init(_ ranges: [NumberRange]) {
        let sorted = ranges.compactMap { range in
            range.span.map { (lower: $0.value.lowerKey, upper: $0.value.upperKey, range: range) }
        }.sorted { $0.lower < $1.lower }
        lowers = sorted.map(\.lower)
        uppers = sorted.map(\.upper)
        facts = sorted.map { RangeFacts(id: $0.range.id.value, source: $0.range.source?.value, locationID: $0.range.locationID?.asciiFolded) }
    }

    func range(containing number: PhoneNumber) -> RangeFacts? {
        let key = number.key
        var low = 0, high = lowers.count
        while low < high {
            let middle = (low + high) / 2
            if lowers[middle] <= key { low = middle + 1 } else { high = middle }
        }
        guard low > 0, uppers[low - 1] >= key else { return nil }
        return facts[low - 1]
    }
}
