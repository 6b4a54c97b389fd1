import DDIGit
import DDIKit
import DDIPlan

/// The commit a plan's declared state came from: HEAD, when ddi.yaml and every inventory file on disk
/// are byte for byte those of HEAD (nothing added, removed or edited). Anything else, including no
/// repository at all, gives nil: the plan then names only its content digest.
enum CleanCommit {
    static func find(root: String, sources: DeclaredSources) -> String? {
        do {
            let repository = try GitRepository.discover(from: root)
            guard let head = try repository.headCommit() else { return nil }
            let reader = InventoryTreeReader(repository: repository, prefix: try RevisionInventory.prefix(of: root, in: repository))
            let listing = try reader.listing(ofTree: try reader.inventoryTree(ofCommit: try repository.commit(head)))
            guard let config = listing.config else { return nil }
            var committed = [Inventory.configFileName: config.hex]
            for file in listing.files { committed[file.path] = file.oid.hex }
            return committed == sources.gitBlobIDs ? head.hex : nil
        } catch {
            return nil
        }
    }
}
