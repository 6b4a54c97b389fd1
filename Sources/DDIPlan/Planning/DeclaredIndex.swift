import DDIKit

/// The planner's indexes of the declared numbers: they depend on the inventory alone, so `ddi plan`
/// builds them on another core while it validates the inventory and waits for the snapshot
/// (`PlanSession`), and the planner itself starts walking the live numbers at once.
struct DeclaredIndex: Sendable {
    let ranges: RangeIndex
    let entries: [NumberEntry]
    /// Single-number entries: indexes into `entries`, by the number's integer key (hashing an
    /// integer is much cheaper than hashing a `PhoneNumber`), and by number for `;ext=` numbers.
    /// The first entry of a number wins (a valid inventory has one: DDI001).
    let singles: [UInt64: Int]
    let extensions: [PhoneNumber: Int]
    /// Block entries sorted by first number; a valid inventory's blocks do not overlap (DDI003).
    let blocks: [(lower: UInt64, upper: UInt64, entry: Int)]

    init(_ inventory: Inventory) {
        ranges = RangeIndex(inventory.ranges)
        entries = inventory.numbers
        var singles: [UInt64: Int] = [:]
        var extensions: [PhoneNumber: Int] = [:]
        var blocks: [(lower: UInt64, upper: UInt64, entry: Int)] = []
        singles.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let fields = entry.fields
            guard let span = fields.span, fields.status != nil else { continue }
            if fields.isBlock {
                blocks.append((span.lowerKey, span.upperKey, index))
            } else if span.first.phoneExtension != nil {
                if extensions[span.first] == nil { extensions[span.first] = index }
            } else if singles[span.first.key] == nil {
                singles[span.first.key] = index
            }
        }
        blocks.sort { $0.lower < $1.lower }
        self.singles = singles
        self.extensions = extensions
        self.blocks = blocks
    }

    var declaredEntryCount: Int { singles.count + extensions.count + blocks.count }

    /// The single-number entry declaring `number`, nil when none does.
    func single(_ number: PhoneNumber) -> Int? {
        number.phoneExtension == nil ? singles[number.key] : extensions[number]
    }

    /// The block holding `number`, as an index into `blocks`.
    func blockIndex(containing number: PhoneNumber) -> Int? {
        let key = number.key
        var low = 0, high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].lower <= key { low = middle + 1 } else { high = middle }
        }
        guard low > 0, blocks[low - 1].upper >= key else { return nil }
        return low - 1
    }
}
