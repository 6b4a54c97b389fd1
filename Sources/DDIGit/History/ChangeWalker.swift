import DDIKit

/// Computes, commit by commit, which declared entries changed: commits whose inventory tree did not
/// change are skipped by comparing tree ids, only blobs whose id changed are read, and of those only the
/// differing items are parsed (`ChangeWindow`).
final class ChangeWalker {
    let reader: InventoryTreeReader
    let store: BlobStore
    private var inventoryTrees: [GitOID: GitOID?] = [:]
    static let blockMarker = Array("..".utf8)

    init(reader: InventoryTreeReader) {
        self.reader = reader
        self.store = BlobStore(repository: reader.repository)
    }

    var repository: GitRepository { reader.repository }

    /// Every commit reachable from `tip`, parents before children.
    func commitsOldestFirst(from tip: GitOID) throws -> [GitOID] {
        let walk = try GitRevWalk(repository, order: [.topological, .time, .reverse])
        try walk.push(tip)
        return try walk.all()
    }

    /// What `oid` changed, or nil when it changed no entry (covering `number`, when given).
    func record(for oid: GitOID, number: PhoneNumber? = nil) throws -> CommitRecord? {
        let commit = try repository.commit(oid)
        let tree = try reader.inventoryTree(ofCommit: commit)
        inventoryTrees[oid] = .some(tree)
        let parents = commit.parentOIDs
        var lists: [[EntryChange]] = []
        if parents.isEmpty {
            let list = try changes(from: nil, to: tree, number: number)
            if list.isEmpty { return nil }
            lists.append(list)
        } else {
            let parentTrees = try parents.map { try inventoryTree(of: $0) }
            if parentTrees.contains(where: { $0 == tree }) { return nil }
            for parentTree in parentTrees {
                let list = try changes(from: parentTree, to: tree, number: number)
                if list.isEmpty { return nil }
                lists.append(list)
            }
        }
        return CommitRecord(commit: CommitInfo(commit), changes: lists)
    }

    func inventoryTree(of oid: GitOID) throws -> GitOID? {
        if let known = inventoryTrees[oid] { return known }
        let tree = try reader.inventoryTree(ofCommit: try repository.commit(oid))
        inventoryTrees[oid] = .some(tree)
        return tree
    }

    /// Entry changes between two inventory trees (nil: no inventory).
    func changes(from oldTree: GitOID?, to newTree: GitOID?, number: PhoneNumber?) throws -> [EntryChange] {
        if oldTree == newTree { return [] }
        let old = try reader.listing(ofTree: oldTree)
        let new = try reader.listing(ofTree: newTree)
        var oldFiles: [String: GitOID] = [:]
        for file in old.files { oldFiles[file.path] = file.oid }
        var before: [DeclaredEntry] = []
        var after: [DeclaredEntry] = []
        let needle = number.map { Array($0.digits.utf8) }
        for file in new.files {
            let previous = oldFiles.removeValue(forKey: file.path)
            if previous == file.oid { continue }
            try collect(path: file.path, old: previous, new: file.oid, needle: needle, into: &before, &after)
        }
        for (path, oid) in oldFiles {
            try collect(path: path, old: oid, new: nil, needle: needle, into: &before, &after)
        }
        var result = EntryChanges.compute(old: before, new: after)
        if let number { result = result.filter { $0.touches(number) } }
        return result
    }

    private func collect(path: String, old: GitOID?, new: GitOID?, needle: [UInt8]?, into before: inout [DeclaredEntry], _ after: inout [DeclaredEntry]) throws {
        let oldText = try old.map { try store.text($0) }
        let newText = try new.map { try store.text($0) }
        if let oldText, let newText {
            switch ChangeWindow.find(old: oldText, new: newText) {
            case .identical, .outsideNumbers:
                return
            case .whole:
                break
            case .window(let oldRange, let newRange):
                if let needle, !Self.mentions(oldText.bytes, oldRange, needle), !Self.mentions(newText.bytes, newRange, needle) { return }
                before += Self.parseWindow(oldText.bytes, oldRange, path: path)
                after += Self.parseWindow(newText.bytes, newRange, path: path)
                return
            }
        }
        if let needle {
            let mentioned = [oldText, newText].contains { text in text.map { Self.mentions($0.bytes, 0..<$0.count, needle) } ?? false }
            if !mentioned { return }
        }
        if let old { before += try store.entries(old, path: path) }
        if let new { after += try store.entries(new, path: path) }
    }

    /// True when `bytes[range]` holds the number's digits or a block (`..`), so it may declare the number.
    static func mentions(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            ByteScan.contains(buffer, range, needle) || ByteScan.contains(buffer, range, blockMarker)
        }
    }

    static let sectionHeader = Array("numbers:\n".utf8)

    /// The number entries of a window of whole items (none when it is not well-formed YAML on its own).
    static func parseWindow(_ bytes: [UInt8], _ range: Range<Int>, path: String) -> [DeclaredEntry] {
        if range.isEmpty { return [] }
        var snippet = sectionHeader
        snippet.append(contentsOf: bytes[range])
        return DeclaredEntries.parse(snippet, path: path) ?? []
    }
}
