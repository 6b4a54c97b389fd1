/// What one inventory file declares.
public struct InventoryFile: Sendable {
    public var path: String
    public var ranges: [NumberRange] = []
    public var numbers: [NumberEntry] = []
    public var routing: [RoutingEntry] = []
    /// Ranges left out because an error in them (an invalid `id`) was reported, whose `block` was
    /// still readable: numbers inside one are a consequence of that error, not errors of their own.
    public var unusableRanges: [UnusableRange] = []
    public init(path: String) { self.path = path }
}

/// The block of a range that could not be declared, and where the range entry starts.
public struct UnusableRange: Sendable {
    public var span: NumberSpan
    public var location: SourceLocation
}

/// The declared state: configuration plus every inventory file, in path order.
public struct Inventory: Sendable {
    public static let configFileName = "ddi.yaml"

    public var config: InventoryConfig
    public var files: [InventoryFile]

    public init(config: InventoryConfig, files: [InventoryFile]) {
        self.config = config
        self.files = files
    }

    public var ranges: [NumberRange] { files.flatMap(\.ranges) }
    public var numbers: [NumberEntry] { files.flatMap(\.numbers) }
    public var routing: [RoutingEntry] { files.flatMap(\.routing) }
    public var unusableRanges: [UnusableRange] { files.flatMap(\.unusableRanges) }
}
