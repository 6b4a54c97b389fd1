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
            let tree = try history.reader.listing(ofTree: try history.reader.inventoryTree(ofCommit: commit))
            let parentListing = try parents.first.map { try history.reader.listing(ofTree: try history.reader.inventoryTree(ofCommit: try history.repository.commit($0))) } ?? .empty
            guard tree.config != parentListing.config || tree.files != parentListing.files, tree.config != nil else { continue }
            let after = try history.inventory(at: oid, label: oid.short()).inventory
            let before = try parents.first.flatMap { parent -> Inventory? in
                parentListing.config == nil ? nil : try history.inventory(at: parent, label: parent.short()).inventory
            } ?? InventoryCommitter.emptyInventory
            let diff = InventoryDiff(from: before, to: after)
            guard !diff.isEmpty else { continue }
            changes.append(CommittedChange(commit: oid.short(), message: commit.message, diff: diff))
        }
        return changes
    }
}
