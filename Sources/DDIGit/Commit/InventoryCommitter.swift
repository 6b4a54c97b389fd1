import DDIKit
import Foundation

public enum InventoryCommitError: Error, CustomStringConvertible, Equatable {
    case operationInProgress
    case conflicts
    case nothingStaged
    case noInventoryStaged(path: String)
    case notClean(paths: [String])

    public var description: String {
        switch self {
        case .operationInProgress:
            "a merge, rebase or cherry-pick is in progress: finish it with git"
        case .conflicts:
            "the index has unresolved conflicts: resolve them with git first"
        case .nothingStaged:
            "nothing to commit: the staged inventory is that of HEAD (stage changes with git add, or use -a)"
        case .noInventoryStaged(let path):
            "the staged tree has no \(path.isEmpty ? "" : path + "/")\(Inventory.configFileName): stage the inventory (git add, or -a)"
        case .notClean(let paths):
            "--commit needs an inventory without uncommitted changes, so the commit holds exactly this edit; uncommitted: \(paths.map(TextEscaping.terminal).joined(separator: ", "))"
        }
    }
}

/// A change about to be committed: HEAD's inventory against the staged one.
public struct PendingInventoryCommit: Sendable {
    public var diff: InventoryDiff
    /// The staged inventory.
    public var after: Inventory
    /// The staged tree (the whole repository, as `git commit` would commit it).
    public var tree: GitOID
    public var parent: GitOID?
    /// True when an inventory file or `ddi.yaml` differs from HEAD.
    public var touchesInventory: Bool
    /// True when the staged tree is HEAD's: there is nothing to commit at all.
    public var changesNothing: Bool

    /// The generated message; `note` is the person's own text (`-m`).
    public func message(note: String? = nil) -> CommitMessage {
        CommitMessage(diff: diff, after: after, note: note)
    }
}

/// Commits inventory changes through libgit2 with a message from their semantic diff: stages
/// (everything, or given files), reads the staged inventory straight from the object database, and
/// writes the commit. Nothing here runs git hooks.
public final class InventoryCommitter {
    public let repository: GitRepository
    public let reader: InventoryTreeReader
    /// The inventory root on disk.
    public let root: String

    public init(inventoryRoot root: String) throws {
        repository = try GitRepository.discover(from: root)
        reader = InventoryTreeReader(repository: repository, prefix: try RevisionInventory.prefix(of: root, in: repository))
        self.root = root
    }

    /// Path inside the repository of a path relative to the inventory root.
    func repositoryPath(_ inventoryPath: String) -> String {
        reader.prefix.isEmpty ? inventoryPath : reader.prefix + "/" + inventoryPath
    }

    /// Stages every inventory change (`-a`): `ddi.yaml` and the inventory files as they are on disk,
    /// new and deleted ones included. Other files are left as they are.
    public func stageAll() throws {
        let head = try headListing()
        let live = InventoryLoader.liveDirectory(inConfig: InventoryLoader.readFile(root: root, path: Inventory.configFileName).bytes)
        var paths = Set(try InventoryLoader.inventoryFilePaths(root: root, excluding: live))
        paths.insert(Inventory.configFileName)
        paths.formUnion(head.files.map(\.path))
        try stage(paths: paths.sorted())
    }

    /// Stages `paths` (relative to the inventory root) as they are on disk; a missing file is staged
    /// as removed.
    public func stage(paths: [String]) throws {
        let index = try repository.index()
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                try index.add(path: repositoryPath(path))
            } else {
                try index.remove(path: repositoryPath(path))
            }
        }
        try index.write()
    }

    /// What committing the index now would change in the inventory. `indexPath`: another index file
    /// (git's `GIT_INDEX_FILE` in a hook); nil: the repository's index.
    public func pending(indexPath: String? = nil) throws -> PendingInventoryCommit {
        let index = try indexPath.map { try repository.index(atPath: $0) } ?? repository.index()
        if index.hasConflicts { throw InventoryCommitError.conflicts }
        let tree = try index.writeTree()
        let parent = try repository.headCommit()
        let before = try headListing()
        let after = try reader.listing(ofTree: try inventoryTree(ofRootTree: tree))
        guard after.config != nil else { throw InventoryCommitError.noInventoryStaged(path: reader.prefix) }
        let afterInventory = try load(after).inventory
        let beforeInventory = before.config == nil ? Self.emptyInventory : try load(before).inventory
        let touches = before.config != after.config || before.files != after.files
        return PendingInventoryCommit(
            diff: InventoryDiff(from: beforeInventory, to: afterInventory), after: afterInventory,
            tree: tree, parent: parent, touchesInventory: touches,
            changesNothing: try parent.map { try repository.commit($0).treeOID == tree } ?? false
        )
    }

    /// Writes `pending` as a commit on HEAD's branch.
    public func commit(_ pending: PendingInventoryCommit, message: CommitMessage, identity: GitIdentity) throws -> GitOID {
        if repository.isOperationInProgress { throw InventoryCommitError.operationInProgress }
        if pending.changesNothing { throw InventoryCommitError.nothingStaged }
        return try repository.createCommit(
            tree: pending.tree, parents: pending.parent.map { [$0] } ?? [],
            author: identity.author, committer: identity.committer, message: message.text
        )
    }

    /// Inventory files (and `ddi.yaml`) whose disk or staged version is not HEAD's, sorted; empty
    /// when the inventory is committed as it is.
    public func uncommittedPaths() throws -> [String] {
        let head = try headListing()
        var committed: [String: GitOID] = [:]
        if let config = head.config { committed[Inventory.configFileName] = config }
        for file in head.files { committed[file.path] = file.oid }
        var differing = Set<String>()
        let sources = try InventoryLoader.readSources(root: root)
        var onDisk: [String: GitOID] = [:]
        onDisk[Inventory.configFileName] = try GitRepository.blobID(of: sources.config.bytes)
        for file in sources.files { onDisk[file.path] = try GitRepository.blobID(of: file.bytes) }
        let index = try repository.index()
        let staged = try reader.listing(ofTree: try inventoryTree(ofRootTree: try index.writeTree()))
        var inIndex: [String: GitOID] = [:]
        if let config = staged.config { inIndex[Inventory.configFileName] = config }
        for file in staged.files { inIndex[file.path] = file.oid }
        for path in Set(committed.keys).union(onDisk.keys).union(inIndex.keys) where committed[path] != onDisk[path] || committed[path] != inIndex[path] {
            differing.insert(path)
        }
        return differing.sorted()
    }

    private func headListing() throws -> InventoryListing {
        guard let head = try repository.headCommit() else { return .empty }
        return try reader.listing(ofTree: try reader.inventoryTree(ofCommit: try repository.commit(head)))
    }

    private func inventoryTree(ofRootTree tree: GitOID) throws -> GitOID? {
        if reader.prefix.isEmpty { return tree }
        guard let entry = try repository.tree(tree).entry(atPath: reader.prefix), entry.kind == .tree else { return nil }
        return entry.oid
    }

    private func load(_ listing: InventoryListing) throws -> LoadedInventory {
        let config = try listing.config.map { InventorySourceFile(path: Inventory.configFileName, bytes: try repository.blobBytes($0)) }
        let files = try listing.files.map { InventorySourceFile(path: $0.path, bytes: try repository.blobBytes($0.oid)) }
        return InventoryLoader.load(config: config, files: files)
    }

    static var emptyInventory: Inventory {
        InventoryLoader.load(config: InventorySourceFile(path: Inventory.configFileName, text: "version: 1\n"), files: []).inventory
    }
}
