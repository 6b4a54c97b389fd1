import DDIKit

public enum GitHistoryError: Error, CustomStringConvertible, Equatable {
    case noCommits

    public var description: String {
        switch self {
        case .noCommits: "the repository has no commits yet: commit the inventory first"
        }
    }
}

/// The git side of an inventory: its repository, where the inventory lives in it, and its history.
public final class GitHistory {
    public let repository: GitRepository
    public let reader: InventoryTreeReader
    /// Where `.ddi/cache/` lives (the inventory root on disk); nil: no cache.
    public let cacheDirectory: String?
    let walker: ChangeWalker
    /// How many times the whole history was read (`records(from:)`, `facts(from:)`): a report reads it once.
    private(set) var recordPasses = 0
    /// How many times a whole inventory was parsed for an audit (`auditedEntries`): a warm audit parses none.
    var inventoryParses = 0

    public init(repository: GitRepository, prefix: String, cacheDirectory: String? = nil) {
        self.repository = repository
        self.reader = InventoryTreeReader(repository: repository, prefix: prefix)
        self.cacheDirectory = cacheDirectory
        self.walker = ChangeWalker(reader: reader)
    }

    /// Opens the repository holding the inventory rooted at `root` (a directory on disk).
    public static func open(inventoryRoot root: String, useCache: Bool = true) throws -> GitHistory {
        let repository = try GitRepository.discover(from: root)
        let prefix = try RevisionInventory.prefix(of: root, in: repository)
        let cached = try useCache && !tracksCache(repository, prefix: prefix)
        return GitHistory(repository: repository, prefix: prefix, cacheDirectory: cached ? root + "/.ddi/cache" : nil)
    }

    /// Whether HEAD's tree holds the inventory's `.ddi/`: then it came with the commits (a pull request
    /// can add one), and its files are someone else's answers, not a cache ddi wrote.
    static func tracksCache(_ repository: GitRepository, prefix: String) throws -> Bool {
        guard let head = try repository.headCommit() else { return false }
        let tree = try repository.tree(try repository.commit(head).treeOID)
        return try tree.entry(atPath: prefix.isEmpty ? ".ddi" : prefix + "/.ddi") != nil
    }

    public var prefix: String { reader.prefix }

    /// The commit a revision names; a clear error for an empty repository.
    public func resolve(_ revision: String) throws -> GitOID {
        do {
            return try repository.resolveCommit(revision)
        } catch {
            if try repository.headCommit() == nil { throw GitHistoryError.noCommits }
            throw error
        }
    }

    /// The inventory of a commit, read from the object database: blobs in pack files by
    /// `PackBlobReader` (libdeflate, each delta chain rebuilt once: libgit2 rebuilt the benchmark
    /// inventory's 50 files through zlib in about a second), others by libgit2.
    public func inventory(at oid: GitOID, label: String) throws -> LoadedInventory {
        let packs = PackBlobReader.packFiles(of: repository)
        return try RevisionInventory.load(reader, commit: oid, label: label, packReader: packs.isEmpty ? nil : PackBlobReader(repository: repository, packs: packs))
    }

    public func commitInfo(_ oid: GitOID) throws -> CommitInfo { CommitInfo(try repository.commit(oid)) }

    /// Every commit reachable from `tip` that changed a declared entry, oldest first. What the cache
    /// does not know is computed and written back, so the next command costs only the new commits.
    public func records(from tip: GitOID) throws -> [CommitRecord] {
        try walk(from: tip, cached: { cache, oid in cache.lookup(oid) }, computed: { $0 })
    }

    /// The facts of every commit reachable from `tip` that changed a declared entry, oldest first: what
    /// `audit` and `report` need, read from the cache without decoding any entry (`ChangeFact`).
    public func facts(from tip: GitOID) throws -> [CommitFacts] {
        try walk(from: tip, cached: { cache, oid in cache.lookupFacts(oid) }, computed: CommitFacts.init)
    }

    private func walk<Decoded>(from tip: GitOID, cached: (ChangeLogCache, GitOID) -> Decoded??,
                               computed: (CommitRecord) -> Decoded) throws -> [Decoded] {
        recordPasses += 1
        var cache = cacheDirectory.map { ChangeLogCache(directory: $0, prefix: prefix) }
        cache?.load()
        // The cache keeps the commit order of the tip it was written for: no walk of the commits.
        let commits = try cache?.commitsOldestFirst(from: tip) ?? walker.commitsOldestFirst(from: tip)
        var known: [GitOID: Decoded?] = [:]
        var missing: [GitOID] = []
        for oid in commits {
            if let cache, let found = cached(cache, oid) { known[oid] = .some(found) } else { missing.append(oid) }
        }
        if !missing.isEmpty {
            let records = try walker.records(for: missing)
            for oid in missing {
                let record = records[oid] ?? nil
                known[oid] = .some(record.map(computed))
                cache?.store(oid, record)
            }
            cache?.save(tip: tip, order: commits)
        }
        return commits.compactMap { oid in known[oid] ?? nil }
    }

    /// Every commit reachable from `tip` that changed the declaration of `number`, oldest first.
    ///
    /// With a cache, the commits it does not know are computed in full and written back (as `audit`
    /// and `report` do), so the next query of any number reads only the cache, and of each cached
    /// commit only the changes that may touch `number`. Without one, only what may mention the number
    /// is read.
    public func history(of number: PhoneNumber, from tip: GitOID) throws -> [NumberHistoryEvent] {
        // The cache written for this tip answers without walking a commit (`ChangeLogCache.numberLookup`).
        let lookup = cacheDirectory.map { ChangeLogCache(directory: $0, prefix: prefix).numberLookup(touching: number, tip: tip) }
        if case .found(let found)? = lookup {
            return found.sorted { $0.position < $1.position }.compactMap { Self.event(of: number, in: $0.record) }
        }
        let commits = try walker.commitsOldestFirst(from: tip)
        var known: [GitOID: CommitRecord?] = [:]
        if var cache = cacheDirectory.map({ ChangeLogCache(directory: $0, prefix: prefix) }) {
            cache.load()
            var missing: [GitOID] = []
            for oid in commits {
                if let record = cache.lookup(oid, touching: number) { known[oid] = .some(record) } else { missing.append(oid) }
            }
            if !missing.isEmpty {
                let computed = try walker.records(for: missing)
                for oid in missing {
                    let record = computed[oid] ?? nil
                    known[oid] = .some(record)
                    cache.store(oid, record)
                }
            }
            var damaged = false
            if case .damaged? = lookup { damaged = true }
            cache.save(tip: tip, order: commits, mending: damaged)
        } else {
            known = try walker.records(for: commits, number: number)
        }
        return commits.compactMap { oid in (known[oid] ?? nil).flatMap { Self.event(of: number, in: $0) } }
    }

    private static func event(of number: PhoneNumber, in record: CommitRecord) -> NumberHistoryEvent? {
        guard let (before, after) = record.change(of: number) else { return nil }
        return NumberHistoryEvent(commit: record.commit, change: NumberTimeline.change(of: number, before: before, after: after))
    }
}

/// One step in a number's history.
public struct NumberHistoryEvent: Sendable {
    public var commit: CommitInfo
    public var change: NumberChange
}
