import DDIKit

/// The inventory changes of the commits since a base revision, with their messages, for rule DDI015.
public enum CommittedChanges {
    /// Commits reachable from `head` but not from `base`, oldest first, that change the inventory
    /// compared with their parent. Merge commits are left out: what they bring in was committed, with
    /// its own message, on the merged branch.
    public static func since(_ base: GitOID, head: GitOID, in history: GitHistory) throws -> [CommittedChange] {
        let walk = try GitRevWalk(history.repository, order: [.topological, .reverse])
        try walk.push(head)
        try walk.hide(base)
        var changes: [CommittedChange] = []
        for oid in try walk.all() {
            let commit = try history.repository.commit(oid)
            let parents = commit.parentOIDs
            guard parents.count <= 1 else { continue }
            let listing = try history.reader.listing(ofTree: try history.reader.inventoryTree(ofCommit: commit))
            let parentListing = try parents.first.map { try history.reader.listing(ofTree: try history.reader.inventoryTree(ofCommit: try history.repository.commit($0))) } ?? .empty
            guard listing.config != nil else { continue }
            // Only the files that differ: what is left out is the same on both sides, so the diff is
            // the whole commit's (InventoryDiff compares entries, ranges and routing by key and id).
            let old = Dictionary(parentListing.files.map { ($0.path, $0.oid) }, uniquingKeysWith: { first, _ in first })
            let new = Dictionary(listing.files.map { ($0.path, $0.oid) }, uniquingKeysWith: { first, _ in first })
            let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
            guard !changed.isEmpty else { continue }
            let before = try load(parentListing, only: changed, in: history)
            let after = try load(listing, only: changed, in: history)
            let diff = InventoryDiff(from: before, to: after)
            guard !diff.isEmpty else { continue }
            changes.append(CommittedChange(commit: oid.short(), message: commit.message, diff: diff))
        }
        return changes
    }

    private static func load(_ listing: InventoryListing, only paths: Set<String>, in history: GitHistory) throws -> Inventory {
        let config = try listing.config.map { InventorySourceFile(path: Inventory.configFileName, bytes: try history.repository.blobBytes($0)) }
        let files = try listing.files.filter { paths.contains($0.path) }.map {
            InventorySourceFile(path: $0.path, bytes: try history.repository.blobBytes($0.oid))
        }
        return InventoryLoader.load(config: config ?? InventorySourceFile(path: Inventory.configFileName, text: "version: 1\n"), files: files).inventory
    }
}
