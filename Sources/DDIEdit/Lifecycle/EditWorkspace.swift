import DDIKit

/// The inventory as read before an edit: its files as bytes and what they declare.
public struct EditWorkspace: Sendable {
    public let config: InventorySourceFile?
    public let files: [InventorySourceFile]
    public let loaded: LoadedInventory
    public let today: Day

    public init(config: InventorySourceFile?, files: [InventorySourceFile], today: Day) {
        self.config = config
        self.files = files
        self.today = today
        loaded = InventoryLoader.load(config: config, files: files)
    }

    public var inventory: Inventory { loaded.inventory }
    public var policy: Policy { loaded.inventory.config.policy }

    func bytes(of path: String) -> [UInt8]? { files.first { $0.path == path }?.bytes }

    /// The range with this id.
    func range(id: String) throws -> NumberRange {
        guard let range = inventory.ranges.first(where: { $0.id.value == id }) else {
            let hint = DidYouMean.hint(for: id, among: inventory.ranges.map(\.id.value))
            throw EditError.invalidArgument("no range with id '\(id)'\(hint)")
        }
        return range
    }

    /// The range that contains `span`, if any.
    func range(containing span: NumberSpan) -> NumberRange? {
        inventory.ranges.first { $0.span?.value.contains(span) == true }
    }

    /// The single-number entry declaring exactly `number` (extension included).
    func entry(number: PhoneNumber) -> NumberEntry? {
        inventory.numbers.first { !$0.isBlock && $0.span?.first == number }
    }

    /// Every entry whose span overlaps `span`, sorted by first number.
    func entries(overlapping span: NumberSpan) -> [NumberEntry] {
        inventory.numbers.filter { $0.span?.overlaps(span) == true }
            .sorted { ($0.span?.lowerKey ?? 0, $0.location) < ($1.span?.lowerKey ?? 0, $1.location) }
    }
}
