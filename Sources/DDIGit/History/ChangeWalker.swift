import DDIKit

/// Computes, commit by commit, which declared entries changed: commits whose inventory tree did not
/// change are skipped by comparing tree ids, only blobs whose id changed are read, and of those only the
/// differing items are parsed (`ChangeWindow`).
///
/// Blobs are read in the order the pack file holds them, not commit by commit nor file by file (see
/// `GitPackOrder` and `comparePairs`).
final class ChangeWalker {
    let reader: InventoryTreeReader
    let store: BlobStore
    private lazy var packOrder = GitPackOrder(repository: repository)
    private lazy var packFiles = PackBlobReader.packFiles(of: repository)
    private var inventoryTrees: [GitOID: GitOID?] = [:]
    /// Commits whose changes were computed (not taken from a cache): what a run cost.
    private(set) var commitsComputed = 0
    /// Files added or deleted are parsed on other threads (`WholeFileParser`); false parses them on
    /// this one, as every other file (the tests compare the two).
    var parsesWholeFilesAside = true
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

    /// One changed file between a commit and one of its parents.
    private struct FilePair {
        var commit: Int
        var parent: Int
        var path: String
        var old: GitOID?
        var new: GitOID?
    }

    private struct Pending: Sendable {
        var info: CommitInfo
        var sides: [(before: [DeclaredEntry], after: [DeclaredEntry])]
    }

    /// What each of `commits` (parents before children) changed; nil for a commit that changed no entry
    /// (covering `number`, when given).
    func records(for commits: [GitOID], number: PhoneNumber? = nil) throws -> [GitOID: CommitRecord?] {
        commitsComputed += commits.count
        var result: [GitOID: CommitRecord?] = [:]
        var pending: [Pending] = []
        var pendingOIDs: [GitOID] = []
        var pairs: [FilePair] = []
        // Trees first: which files changed, without reading them.
        for oid in commits {
            let commit = try repository.commit(oid)
            let tree = try reader.inventoryTree(ofCommit: commit)
            inventoryTrees[oid] = .some(tree)
            let parents = commit.parentOIDs
            let parentTrees: [GitOID?] = parents.isEmpty ? [nil] : try parents.map { try inventoryTree(of: $0) }
            if !parents.isEmpty && parentTrees.contains(where: { $0 == tree }) {
                result[oid] = .some(nil)
                continue
            }
            let index = pending.count
            var changedFiles = 0
            for (parentIndex, parentTree) in parentTrees.enumerated() {
                let found = try changedFilePairs(from: parentTree, to: tree)
                changedFiles += found.count
                pairs += found.map { FilePair(commit: index, parent: parentIndex, path: $0.path, old: $0.old, new: $0.new) }
            }
            if changedFiles == 0 && tree != nil && parentTrees.allSatisfy({ $0 != nil }) {
                result[oid] = .some(nil)
                pairs.removeAll { $0.commit == index }
                continue
            }
            pending.append(Pending(info: CommitInfo(commit), sides: Array(repeating: ([], []), count: parentTrees.count)))
            pendingOIDs.append(oid)
        }
        // Then blobs, in pack order, each pair of versions compared as soon as both are read.
        let needle = number.map { Array($0.digits.utf8) }
        let compared = try comparePairs(pairs, needle: needle)
        // Collected per commit and parent in the order the files were first met, as before.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, pair) in pairs.enumerated() {
            if groups[pair.path] == nil { order.append(pair.path) }
            groups[pair.path, default: []].append(index)
        }
        for path in order {
            for index in groups[path] ?? [] {
                let pair = pairs[index]
                Self.append(compared[index].before, to: &pending[pair.commit].sides[pair.parent].before)
                Self.append(compared[index].after, to: &pending[pair.commit].sides[pair.parent].after)
            }
        }
        // Each commit's changes depend on its own entries only: computed on every core, kept in order.
        let finished = pending
        let records = Parallel.map(Array(finished.indices)) { index -> CommitRecord? in
            let item = finished[index]
            var lists: [[EntryChange]] = []
            for side in item.sides {
                var list = EntryChanges.compute(old: side.before, new: side.after)
                if let number { list = list.filter { $0.touches(number) } }
                if list.isEmpty { return nil }
                lists.append(list)
            }
            return lists.isEmpty ? nil : CommitRecord(commit: item.info, changes: lists)
        }
        for (index, record) in records.enumerated() { result[pendingOIDs[index]] = .some(record) }
        return result
    }

    /// `entries` appended to `list`; an empty list takes them as they are, without copying each entry.
    private static func append(_ entries: [DeclaredEntry], to list: inout [DeclaredEntry]) {
        if list.isEmpty { list = entries } else { list += entries }
    }

    /// The entries before and after of each pair (only those that may have changed).
    ///
    /// Every blob is read once, in the order the pack wrote it (`GitPackOrder`; two at a time, see
    /// `BlobPrefetcher`): then each delta's base
    /// is one libgit2 rebuilt a moment ago and still holds in its small delta-base cache, instead of a
    /// chain of up to 50 deltas rebuilt from its start for every version. A blob's text is kept only
    /// until the last pair that needs it has been compared, so memory stays near one version per file.
    private func comparePairs(_ pairs: [FilePair], needle: [UInt8]?) throws -> [(before: [DeclaredEntry], after: [DeclaredEntry])] {
        var uses: [GitOID: Int] = [:]
        var distinct: [GitOID] = []
        for pair in pairs {
            for oid in [pair.old, pair.new] {
                guard let oid else { continue }
                if uses[oid] == nil { distinct.append(oid) }
                uses[oid, default: 0] += 1
            }
        }
        let streamOrdered = packOrder.isStreamOrdered(distinct)
        let reading: [GitOID]
        if streamOrdered {
            reading = packOrder.readingOrder(distinct)
        } else {
            // File by file, each file's versions in commit order.
            var byPath: [String: [GitOID]] = [:]
            var paths: [String] = []
            var seen = Set<GitOID>()
            for pair in pairs {
                for oid in [pair.old, pair.new] {
                    guard let oid, seen.insert(oid).inserted else { continue }
                    if byPath[pair.path] == nil { paths.append(pair.path) }
                    byPath[pair.path, default: []].append(oid)
                }
            }
            reading = paths.flatMap { byPath[$0] ?? [] }
        }
        var rank: [GitOID: Int] = [:]
        rank.reserveCapacity(reading.count)
        for (index, oid) in reading.enumerated() { rank[oid] = index }
        // A pair is compared once the later of its two blobs has been read.
        var ready: [[Int]] = Array(repeating: [], count: reading.count)
        for (index, pair) in pairs.enumerated() {
            let last = max(pair.old.flatMap { rank[$0] } ?? -1, pair.new.flatMap { rank[$0] } ?? -1)
            if last >= 0 { ready[last].append(index) }
        }
        var live: [GitOID: BlobText] = [:]
        var result = [(before: [DeclaredEntry], after: [DeclaredEntry])](repeating: ([], []), count: pairs.count)
        // Inflating and applying deltas on a second thread, comparing and parsing on this one. Blobs in
        // packs are rebuilt by `PackBlobReader`, each pack entry once; others by libgit2.
        var prefetcher: BlobPrefetcher?
        if reading.count > 1 {
            if packFiles.isEmpty {
                prefetcher = BlobPrefetcher(repository: repository, oids: reading, group: streamOrdered ? 2 : 1)
            } else {
                let packReader = PackBlobReader(repository: repository, packs: packFiles)
                packReader.plan(reading)
                packReader.inflateAhead(reading)
                prefetcher = BlobPrefetcher(repository: repository, oids: reading, packReader: packReader, group: 1)
            }
        }
        // Files added or deleted are read whole and parsed on other threads (`WholeFileParser`).
        let wholeFiles = WholeFileParser()
        prefetcher?.start()
        defer { prefetcher?.finish() }
        for (position, oid) in reading.enumerated() {
            live[oid] = try prefetcher?.next() ?? BlobText(oid: oid, bytes: try repository.blobBytes(oid))
            for index in ready[position] {
                let pair = pairs[index]
                if parsesWholeFilesAside, (pair.old == nil) != (pair.new == nil), let text = (pair.old ?? pair.new).flatMap({ live[$0] }) {
                    if needle.map({ Self.mentions(text.bytes, 0..<text.count, $0) }) ?? true {
                        wholeFiles.parse(text.bytes, path: pair.path, for: index)
                    }
                    release(pair, uses: &uses, live: &live)
                    continue
                }
                var before: [DeclaredEntry] = []
                var after: [DeclaredEntry] = []
                collect(path: pair.path, old: pair.old.flatMap { live[$0] }, new: pair.new.flatMap { live[$0] }, needle: needle,
                        into: &before, &after)
                result[index] = (before, after)
                release(pair, uses: &uses, live: &live)
            }
        }
        for (index, entries) in wholeFiles.finish() {
            if pairs[index].old != nil { result[index].before = entries } else { result[index].after = entries }
        }
        return result
    }

    /// One use of each of the pair's blobs is over; a blob is let go after its last.
    private func release(_ pair: FilePair, uses: inout [GitOID: Int], live: inout [GitOID: BlobText]) {
        for oid in [pair.old, pair.new] {
            guard let oid, let count = uses[oid] else { continue }
            if count <= 1 {
                uses[oid] = nil
                live[oid] = nil
            } else {
                uses[oid] = count - 1
            }
        }
    }

    func inventoryTree(of oid: GitOID) throws -> GitOID? {
        if let known = inventoryTrees[oid] { return known }
        let tree = try reader.inventoryTree(ofCommit: try repository.commit(oid))
        inventoryTrees[oid] = .some(tree)
        return tree
    }

    /// Files whose blob differs between two inventory trees (nil: no inventory).
    private func changedFilePairs(from oldTree: GitOID?, to newTree: GitOID?) throws -> [(path: String, old: GitOID?, new: GitOID?)] {
        if oldTree == newTree { return [] }
        let old = try reader.listing(ofTree: oldTree)
        let new = try reader.listing(ofTree: newTree)
        var oldFiles: [String: GitOID] = [:]
        for file in old.files { oldFiles[file.path] = file.oid }
        var result: [(path: String, old: GitOID?, new: GitOID?)] = []
        for file in new.files {
            let previous = oldFiles.removeValue(forKey: file.path)
            if previous != file.oid { result.append((file.path, previous, file.oid)) }
        }
        for (path, oid) in oldFiles.sorted(by: { $0.key < $1.key }) { result.append((path, oid, nil)) }
        return result
    }

    /// Entry changes between two inventory trees (nil: no inventory).
    func changes(from oldTree: GitOID?, to newTree: GitOID?, number: PhoneNumber?) throws -> [EntryChange] {
        var before: [DeclaredEntry] = []
        var after: [DeclaredEntry] = []
        let needle = number.map { Array($0.digits.utf8) }
        for pair in try changedFilePairs(from: oldTree, to: newTree) {
            try collect(path: pair.path, old: pair.old, new: pair.new, needle: needle, into: &before, &after)
        }
        var result = EntryChanges.compute(old: before, new: after)
        if let number { result = result.filter { $0.touches(number) } }
        return result
    }

    private func collect(path: String, old: GitOID?, new: GitOID?, needle: [UInt8]?, into before: inout [DeclaredEntry], _ after: inout [DeclaredEntry]) throws {
        collect(path: path, old: try old.map { try store.text($0) }, new: try new.map { try store.text($0) }, needle: needle, into: &before, &after)
    }

    private func collect(path: String, old oldText: BlobText?, new newText: BlobText?, needle: [UInt8]?, into before: inout [DeclaredEntry], _ after: inout [DeclaredEntry]) {
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
        if let oldText { before += store.entries(oldText, path: path) }
        if let newText { after += store.entries(newText, path: path) }
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
