import DDIKit

/// How the numbers of one range are used today (README "`ddi report`").
public struct RangeCapacity: Sendable, Equatable {
    public var id: String
    public var block: String
    public var source: String?
    public var site: String?
    /// Numbers in the range's block.
    public var size: UInt64
    public var assigned: UInt64 = 0
    /// Reserved numbers, expired reservations included.
    public var reserved: UInt64 = 0
    /// Reserved numbers whose `until` has passed.
    public var reservedExpired: UInt64 = 0
    public var quarantine: UInt64 = 0
    public var external: UInt64 = 0
    public var retired: UInt64 = 0
    /// Undeclared numbers plus numbers declared `free`.
    public var free: UInt64 = 0
    public var cost: RangeCost?

    /// Numbers the organisation still holds: everything except numbers returned to the carrier.
    public var held: UInt64 { size - min(size, retired) }
    /// Numbers in use (assigned in Teams or in use outside it) as a share of the numbers held.
    public var utilisation: Double { held == 0 ? 0 : Double(assigned + external) / Double(held) }
    /// Numbers paid for and doing nothing: free, in quarantine, or kept by a reservation that ended.
    public var unused: UInt64 { free + quarantine + reservedExpired }
    /// Numbers that are or will become available for allocation: free and quarantine.
    public var headroom: UInt64 { free + quarantine }
    public var unusedMonthlyCost: Double? { cost.map { Double(unused) * $0.perNumberMonth } }
    public var heldMonthlyCost: Double? { cost.map { Double(held) * $0.perNumberMonth } }
    public var unusedYearlyCost: Double? { unusedMonthlyCost.map { $0 * 12 } }
}

/// An entry as the sweeps read it: its number keys, status and reservation end (a few words, so that
/// sorting and sweeping 120,000 entries copies no `NumberEntry`).
struct SweepEntry {
    var lower: UInt64
    var upper: UInt64
    var status: NumberStatus
    var until: Day?
}

/// Counts per range, computed by sweeping each range's entries in order: work grows with the declared
/// entries (n log n), never with the count of free numbers.
public enum CapacityCounter {
    public static func count(_ inventory: Inventory, today: Day) -> [RangeCapacity] {
        count(inventory, today: today, sweep: sweepOrder(inventory))
    }

    /// `sweep`: `sweepOrder(inventory)`, made once for the counts and the hand-back list.
    static func count(_ inventory: Inventory, today: Day, sweep: (entries: [SweepEntry], lowerKeys: [UInt64])) -> [RangeCapacity] {
        let (numbers, lowerKeys) = sweep
        var result: [RangeCapacity] = []
        for range in inventory.ranges {
            guard let span = range.span?.value else { continue }
            var capacity = RangeCapacity(
                id: range.id.value, block: span.description, source: range.source?.value.rawValue,
                site: range.site, size: span.count, cost: range.cost
            )
            var declaredFree: UInt64 = 0
            var covered: UInt64 = 0
            var cursor = span.lowerKey
            var index = firstIndex(lowerKeys, atLeast: span.lowerKey)
            while index < numbers.count, lowerKeys[index] <= span.upperKey {
                let entry = numbers[index]
                index += 1
                let lower = max(entry.lower, cursor), upper = min(entry.upper, span.upperKey)
                guard lower <= upper else { continue }
                let count = upper - lower + 1
                covered += count
                cursor = upper == UInt64.max ? upper : upper + 1
                switch entry.status {
                case .assigned: capacity.assigned += count
                case .reserved:
                    capacity.reserved += count
                    if let until = entry.until, Policy.isReservationExpired(until: until, today: today) { capacity.reservedExpired += count }
                case .quarantine: capacity.quarantine += count
                case .external: capacity.external += count
                case .retired: capacity.retired += count
                case .free: declaredFree += count
                }
            }
            capacity.free = declaredFree + (span.count - min(span.count, covered))
            result.append(capacity)
        }
        return result
    }

    /// The entries with a number and a status, by first number, then by `precedence` of their status
    /// (a stable sort), with their first numbers' keys. The order is sorted as indices over keys and
    /// ranks computed once: comparing the entries themselves read their status in every comparison.
    static func sweepOrder(_ inventory: Inventory) -> (entries: [SweepEntry], lowerKeys: [UInt64]) {
        var numbers: [SweepEntry] = []
        for file in inventory.files {
            for entry in file.numbers {
                guard let span = entry.span, let status = entry.status?.value else { continue }
                numbers.append(SweepEntry(lower: span.lowerKey, upper: span.upperKey, status: status, until: entry.until?.value))
            }
        }
        let keys = numbers.map(\.lower)
        let ranks = numbers.map { precedence($0.status) }
        let order = numbers.indices.sorted { i, j in keys[i] != keys[j] ? keys[i] < keys[j] : ranks[i] < ranks[j] }
        return (order.map { numbers[$0] }, order.map { keys[$0] })
    }

    /// Which status counts when entries share a first number (extensions of one base number).
    static func precedence(_ status: NumberStatus?) -> Int {
        switch status {
        case .assigned?: 0
        case .external?: 1
        case .reserved?: 2
        case .quarantine?: 3
        case .retired?: 4
        case .free?: 5
        case nil: 6
        }
    }

    static func firstIndex(_ keys: [UInt64], atLeast key: UInt64) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Assigned numbers per range id, for history samples (the same sweep, only assigned counted).
    public static func assignedPerRange(_ inventory: Inventory, today: Day) -> [String: Int] {
        var counts: [String: Int] = [:]
        for capacity in count(inventory, today: today) { counts[capacity.id, default: 0] += Int(capacity.assigned) }
        return counts
    }
}
