import DDIKit

/// One inventory file in a revision: its path relative to the inventory root and its blob.
public struct InventoryTreeFile: Hashable, Sendable {
    public var path: String
    public var oid: GitOID
}

/// The inventory of one revision as object ids: `ddi.yaml` and the inventory files, without reading them.
public struct InventoryListing: Sendable {
    public var config: GitOID?
    public var files: [InventoryTreeFile]

    public static let empty = InventoryListing(config: nil, files: [])
}

/// Lists the inventory files of revisions straight from the object database, with the rules the disk
/// loader applies (`*.yaml` / `*.yml`, no hidden entries, not `ddi.yaml` itself, not the `live:`
/// directory). Listings are cached by tree id, so unchanged directories are read once.
public final class InventoryTreeReader {
    public let repository: GitRepository
    /// The inventory root inside the repository: "" or `path/to/inventory` (no trailing slash).
    public let prefix: String
    private var subtreeCache: [SubtreeKey: [InventoryTreeFile]] = [:]
    private var rootCache: [GitOID: InventoryListing] = [:]
    private var liveCache: [GitOID: String?] = [:]

    private struct SubtreeKey: Hashable {
        var oid: GitOID
        var directory: String
        var live: String?
    }

    public init(repository: GitRepository, prefix: String) {
        self.repository = repository
        self.prefix = prefix
    }

    /// The inventory root's tree in a commit, or nil when the commit has no such directory.
    public func inventoryTree(ofCommit commit: GitCommit) throws -> GitOID? {
        if prefix.isEmpty { return commit.treeOID }
        let tree = try repository.tree(commit.treeOID)
        guard let entry = try tree.entry(atPath: prefix), entry.kind == .tree else { return nil }
        return entry.oid
    }

    /// The inventory listing of an inventory root tree (nil: no inventory at all).
    public func listing(ofTree root: GitOID?) throws -> InventoryListing {
        guard let root else { return .empty }
        if let cached = rootCache[root] { return cached }
        let tree = try repository.tree(root)
        let config = tree.entries.first { $0.name == Inventory.configFileName && $0.kind == .blob }?.oid
        let live = try config.flatMap { try liveDirectory(config: $0) }
        var files = try list(tree: tree, directory: "", live: live)
        files.sort { $0.path < $1.path }
        let listing = InventoryListing(config: config, files: files)
        rootCache[root] = listing
        return listing
    }

    private func list(tree: GitTree, directory: String, live: String?) throws -> [InventoryTreeFile] {
        var files: [InventoryTreeFile] = []
        for entry in tree.entries where !entry.name.hasPrefix(".") {
            let path = directory.isEmpty ? entry.name : directory + "/" + entry.name
            switch entry.kind {
            case .tree:
                if path == live { continue }
                let key = SubtreeKey(oid: entry.oid, directory: path, live: live)
                if let cached = subtreeCache[key] {
                    files += cached
                } else {
                    let listed = try list(tree: repository.tree(entry.oid), directory: path, live: live)
                    subtreeCache[key] = listed
                    files += listed
                }
            case .blob:
                guard path != Inventory.configFileName, entry.name.hasSuffix(".yaml") || entry.name.hasSuffix(".yml") else { continue }
                files.append(InventoryTreeFile(path: path, oid: entry.oid))
            case .link, .submodule, .other:
                // Never followed: a link's blob is a path, and one named `*.yaml` may point anywhere
                // (`/etc/passwd`); the disk loader likewise refuses links that leave the root.
                continue
            }
        }
        return files
    }

    /// The `live:` directory named by a `ddi.yaml` blob, relative to the root, normalised.
    private func liveDirectory(config: GitOID) throws -> String? {
        if let cached = liveCache[config] { return cached }
        let live = Self.liveDirectory(in: try repository.blobBytes(config))
        liveCache[config] = live
        return live
    }

    /// Reads `live:` from the text of `ddi.yaml` as the disk loader does: a malformed file names none,
    /// and neither does one whose `live:` leaves the root (the config decoder reports it).
    static func liveDirectory(in bytes: [UInt8]) -> String? {
        guard let live = InventoryLoader.liveDirectory(inConfig: bytes), InventoryBoundary.isLexicallyInside(live) else { return nil }
        return InventoryLoader.normalizedRelative(live)
    }
}
