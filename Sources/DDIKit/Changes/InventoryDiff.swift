/// What changed between two inventories: per number, per range, per routing entry.
public struct InventoryDiff: Sendable {
    public var numbers: [NumberChange]
    public var ranges: [DefinitionChange]
    public var routing: [DefinitionChange]

    public init(numbers: [NumberChange], ranges: [DefinitionChange], routing: [DefinitionChange]) {
        self.numbers = numbers
        self.ranges = ranges
        self.routing = routing
    }

    public init(from old: Inventory, to new: Inventory) {
        let entryChanges = EntryChanges.compute(old: old.declaredEntries, new: new.declaredEntries)
        numbers = NumberChanges.from(entryChanges)
        ranges = DefinitionChange.compare(
            old: old.ranges.map { ($0.id.value, $0.comparableFields) },
            new: new.ranges.map { ($0.id.value, $0.comparableFields) },
            describe: { fields in
                let values = fields.filter { ["block", "source", "carrier"].contains($0.0) }.compactMap(\.1)
                return values.joined(separator: ", ")
            }
        )
        routing = DefinitionChange.compare(
            old: old.routing.map { ($0.id.value, $0.comparableFields) },
            new: new.routing.map { ($0.id.value, $0.comparableFields) },
            describe: { fields in
                let values = fields.filter { ["type", "resource_account"].contains($0.0) }.compactMap(\.1)
                return values.joined(separator: ", ")
            }
        )
    }

    public var isEmpty: Bool { numbers.isEmpty && ranges.isEmpty && routing.isEmpty }

    /// How many number changes carry each kind.
    public var counts: [(kind: NumberChangeKind, count: Int)] {
        var counts: [NumberChangeKind: Int] = [:]
        for change in numbers { for kind in Set(change.kinds) { counts[kind, default: 0] += 1 } }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
