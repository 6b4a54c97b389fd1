/// Everything a rule may look at, with the shared indexes built once for all rules.
public struct ValidationContext: Sendable {
    public let inventory: Inventory
    public let policy: Policy
    public let today: Day
    /// The inventory at `--base REV`, for lifecycle transition rules.
    public let base: Inventory?
    /// The commits since `--base REV` that change the inventory, with their messages (rule DDI015);
    /// nil when there is no base.
    public let commits: [CommittedChange]?
    public let numbers: [NumberEntry]
    public let ranges: [NumberRange]
    public let routing: [RoutingEntry]
    /// Indexes into `numbers` of entries with a valid span, sorted by first number.
    public let numbersInOrder: [Int]
    /// Indexes into `ranges` of ranges with a valid span, sorted by first number.
    public let rangesInOrder: [Int]
    /// For each entry of `numbers`, the index of the range that contains it, if any.
    public let declaringRange: [Int?]
    public let phoneNumbers: PhoneNumberValidator
    /// For each entry of `numbers`, what most rules read of it, in one dense array.
    let facts: [EntryFacts]

    public init(inventory: Inventory, today: Day, base: Inventory? = nil, commits: [CommittedChange]? = nil, phoneNumbers: PhoneNumberValidator = .shared) {
        self.inventory = inventory
        self.policy = inventory.config.policy
        self.today = today
        self.base = base
        self.commits = commits
        self.phoneNumbers = phoneNumbers
        let numbers = inventory.numbers
        let ranges = inventory.ranges
        self.numbers = numbers
        self.ranges = ranges
        self.routing = inventory.routing
        let facts = EntryFacts.of(numbers)
        self.facts = facts
        var keyed: [(key: UInt64, index: Int)] = []
        keyed.reserveCapacity(numbers.count)
        for index in facts.indices where facts[index].flags.contains(.hasSpan) {
            keyed.append((facts[index].lowerKey, index))
        }
        keyed.sort { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            let a = numbers[lhs.index].span?.first.phoneExtension ?? "", b = numbers[rhs.index].span?.first.phoneExtension ?? ""
            return a != b ? a < b : lhs.index < rhs.index
        }
        numbersInOrder = keyed.map(\.index)
        let rangesInOrder = ranges.indices.filter { ranges[$0].span != nil }.sorted {
            (ranges[$0].span?.value.lowerKey ?? 0, $0) < (ranges[$1].span?.value.lowerKey ?? 0, $1)
        }
        self.rangesInOrder = rangesInOrder
        let finder = RangeFinder(ranges: ranges, order: rangesInOrder)
        declaringRange = facts.map { fact in
            fact.flags.contains(.hasSpan) ? finder.range(lowerKey: fact.lowerKey, upperKey: fact.upperKey) : nil
        }
    }

    public func declaringRange(ofNumberAt index: Int) -> NumberRange? {
        declaringRange[index].map { ranges[$0] }
    }
}

/// Finds the range containing a span by binary search over ranges sorted by their first number.
struct RangeFinder {
    let ranges: [NumberRange]
    let order: [Int]
    /// Largest last number among `order[0...i]`, so a search can stop walking back early.
    let reachUpTo: [UInt64]

    init(ranges: [NumberRange], order: [Int]) {
        self.ranges = ranges
        self.order = order
        var reach: [UInt64] = []
        reach.reserveCapacity(order.count)
        var highest: UInt64 = 0
        for index in order {
            highest = max(highest, ranges[index].span?.value.upperKey ?? 0)
            reach.append(highest)
        }
        reachUpTo = reach
    }

    /// The range containing the span from `lowerKey` to `upperKey`.
    func range(lowerKey: UInt64, upperKey: UInt64) -> Int? {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if (ranges[order[middle]].span?.value.lowerKey ?? 0) <= lowerKey { low = middle + 1 } else { high = middle }
        }
        var position = low - 1
        while position >= 0, reachUpTo[position] >= upperKey {
            let index = order[position]
            if let rangeSpan = ranges[index].span?.value, rangeSpan.lowerKey <= lowerKey, upperKey <= rangeSpan.upperKey { return index }
            position -= 1
        }
        return nil
    }
}
