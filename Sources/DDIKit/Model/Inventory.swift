/// What one inventory file declares.
public struct InventoryFile: Sendable {
    public var path: String
    public var ranges: [NumberRange] = []
    public var numbers: [NumberEntry] = []
    public var routing: [RoutingEntry] = []
    public init(path: String) { self.path = path }
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
}
