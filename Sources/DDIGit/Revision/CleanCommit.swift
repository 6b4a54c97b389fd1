import DDIKit

/// The commit a plan's declared state came from: HEAD, when ddi.yaml and every inventory file on disk
/// are byte for byte those of HEAD (nothing added, removed or edited). Anything else, including no
/// repository at all, gives nil: the plan then names only its content digest.
public enum CleanCommit {
    /// `config` is ddi.yaml and `files` the inventory files, as read from disk below `root` (paths
    /// relative to the root, as the loader gives them).
    public static func find(root: String, config: InventorySourceFile, files: [InventorySourceFile]) -> String? {
        do {
            let repository = try GitRepository.discover(from: root)
            guard let head = try repository.headCommit() else { return nil }
            let reader = InventoryTreeReader(repository: repository, prefix: try RevisionInventory.prefix(of: root, in: repository))
            let listing = try reader.listing(ofTree: try reader.inventoryTree(ofCommit: try repository.commit(head)))
            guard let committedConfig = listing.config else { return nil }
            var committed = [Inventory.configFileName: committedConfig]
            for file in listing.files { committed[file.path] = file.oid }
            return committed == blobIDs(config: config, files: files) ? head.hex : nil
        } catch {
            return nil
        }
    }

    /// Git's blob id of ddi.yaml and every inventory file, by path (nil when one cannot be hashed).
    static func blobIDs(config: InventorySourceFile, files: [InventorySourceFile]) -> [String: GitOID]? {
        var ids: [String: GitOID] = [:]
        for file in [InventorySourceFile(path: Inventory.configFileName, bytes: config.bytes)] + files {
            guard let oid = GitOID.blob(hashing: file.bytes) else { return nil }
            ids[file.path] = oid
        }
        return ids
    }
}
