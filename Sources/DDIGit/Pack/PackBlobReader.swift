import CLibGit2

/// Reads many blobs straight from the repository's pack files, rebuilding every pack entry at most
/// once: each entry a planned read passes through is kept exactly until the last read that needs it.
///
/// libgit2 rebuilds an object by applying its delta chain from the nearest base in a small cache
/// (16 MB per pack, emptied whole when full), so reading the 10,000 versions of the benchmark history
/// inflated most delta data two or three times (zlib was 38 % of a cold `ddi history`, copies 19 %).
/// Here the reads are announced first (`plan`), every entry their chains pass through is counted, and
/// a rebuilt entry stays until its count of later uses is zero.
///
/// Anything this reader does not handle itself (a loose object, an object in no pack, a damaged or
/// unusual entry, an object that is not a blob) is read through libgit2 instead, so the answer, or
/// the error, is libgit2's. Not for concurrent use.
final class PackBlobReader {
    private typealias Key = PackEntryKey

    private struct Built {
        var bytes: [UInt8]
        var isBlob: Bool
    }

    private let repository: GitRepository
    private let packs: [PackFile]
    private var headers: [Key: PackEntryHeader] = [:]
    private var located: [GitOID: Key] = [:]
    /// Later uses of each entry: planned reads of it, and planned entries that are deltas against it.
    private var pending: [Key: Int] = [:]
    private var cache: [Key: Built] = [:]
    private var cachedBytes = 0
    /// Rebuilt entries beyond this many bytes are not kept (they are rebuilt when needed again).
    let byteBudget: Int
    /// Longest delta chain followed (git writes at most 4095; a cycle of reference deltas stops here).
    static let deepestChain = 10_000

    /// Entries rebuilt by this reader, and reads handed to libgit2: what a run cost.
    private(set) var entriesRebuilt = 0
    private(set) var readsByLibGit2 = 0
    /// Inflates entries ahead on another thread (`inflateAhead`).
    private var ahead: InflateAhead?
    /// Reads begun, so that `ahead` knows where the reader is in its order.
    private var readsBegun = 0

    init(repository: GitRepository, packs: [PackFile], byteBudget: Int = 256 << 20) {
        self.repository = repository
        self.packs = packs
        self.byteBudget = byteBudget
    }

    /// The pack files of a repository's object directory (none when it cannot be found).
    static func packFiles(of repository: GitRepository) -> [PackFile] {
        guard let common = git_repository_commondir(repository.pointer).map({ String(cString: $0) }) else { return [] }
        return PackIndex.all(objectDirectory: (common.hasSuffix("/") ? common : common + "/") + "objects").compactMap { PackFile(index: $0) }
    }

    /// Announces reads of `oids` (each once, in any order; reads not announced work too, uncached).
    func plan(_ oids: [GitOID]) {
        var counted = Set<Key>()
        for oid in oids {
            guard let key = locate(oid) else { continue }
            pending[key, default: 0] += 1
            var current = key
            var depth = 0
            while depth < Self.deepestChain, counted.insert(current).inserted, let base = base(of: current) {
                pending[base, default: 0] += 1
                current = base
                depth += 1
            }
        }
    }

    /// Starts inflating, on another thread, the entries that reads in `order` (the order in which
    /// `bytes` will be called) will need (`InflateAhead`). Call `stopInflatingAhead` when done.
    func inflateAhead(_ order: [GitOID]) {
        guard ahead == nil else { return }
        let own = Self.packFiles(of: repository)
        guard own.count == packs.count, zip(own, packs).allSatisfy({ $0.index.packPath == $1.index.packPath }) else { return }
        ahead = InflateAhead(packs: own, order: order)
        ahead?.start()
    }

    func stopInflatingAhead() {
        ahead?.stop()
        entriesInflatedAhead += ahead?.entriesHandedOver ?? 0
        ahead = nil
    }

    /// Entries this reader took from `InflateAhead` instead of inflating them (counted at the stop).
    private(set) var entriesInflatedAhead = 0

    deinit { ahead?.stop() }

    /// The bytes of blob `oid`: rebuilt from the pack, or libgit2's answer (or error).
    func bytes(_ oid: GitOID) throws -> [UInt8] {
        ahead?.advance(to: readsBegun)
        readsBegun += 1
        if let key = locate(oid), let built = build(key), built.isBlob {
            consume(key)
            return built.bytes
        }
        readsByLibGit2 += 1
        return try repository.blobBytes(oid)
    }

    private func locate(_ oid: GitOID) -> Key? {
        if let known = located[oid] { return known }
        let raw = oid.rawBytes
        for (number, pack) in packs.enumerated() {
            if let offset = pack.index.offset(of: raw) {
                let key = Key(pack: number, offset: offset)
                located[oid] = key
                return key
            }
        }
        return nil
    }

    private func header(_ key: Key) -> PackEntryHeader? {
        if let known = headers[key] { return known }
        guard key.pack < packs.count, let header = packs[key.pack].header(at: key.offset) else { return nil }
        headers[key] = header
        return header
    }

    /// The entry a delta at `key` applies to (nil: not a delta, or its base is in no index of its pack).
    private func base(of key: Key) -> Key? {
        switch header(key)?.kind {
        case .offsetDelta(let offset)?:
            return Key(pack: key.pack, offset: offset)
        case .referenceDelta(let id)?:
            return packs[key.pack].index.offset(of: id).map { Key(pack: key.pack, offset: $0) }
        default:
            return nil
        }
    }

    /// The whole object at `key`: its delta chain walked down to a kept or whole entry, then applied
    /// upwards. Nil when any entry of the chain is damaged or unusual.
    private func build(_ key: Key) -> Built? {
        var chain: [(key: Key, header: PackEntryHeader)] = []
        var current = key
        var built: Built
        while true {
            if let kept = cache[current] {
                built = kept
                break
            }
            guard chain.count < Self.deepestChain, let header = header(current) else { return nil }
            switch header.kind {
            case .offsetDelta, .referenceDelta:
                guard let base = base(of: current) else { return nil }
                chain.append((current, header))
                current = base
                continue
            case .commit, .tree, .blob, .tag:
                guard let data = inflate(current, header) else { return nil }
                entriesRebuilt += 1
                built = Built(bytes: data, isBlob: header.kind == .blob)
                keep(current, built)
            }
            break
        }
        var base = current
        for link in chain.reversed() {
            guard let delta = inflate(link.key, link.header),
                  let result = PackDelta.apply(delta, to: built.bytes) else { return nil }
            entriesRebuilt += 1
            consume(base)
            built = Built(bytes: result, isBlob: built.isBlob)
            keep(link.key, built)
            base = link.key
        }
        return built
    }

    /// The entry's inflated data: from `ahead` when it has it ready, else inflated here.
    private func inflate(_ key: Key, _ header: PackEntryHeader) -> [UInt8]? {
        if let ready = ahead?.take(key) { return ready }
        return packs[key.pack].inflate(header, at: key.offset)
    }

    private func keep(_ key: Key, _ built: Built) {
        guard (pending[key] ?? 0) > 0, cache[key] == nil, cachedBytes + built.bytes.count <= byteBudget else { return }
        cache[key] = built
        cachedBytes += built.bytes.count
    }

    /// One planned use of `key` happened; the entry is dropped after its last one.
    private func consume(_ key: Key) {
        guard let count = pending[key] else { return }
        if count > 1 {
            pending[key] = count - 1
            return
        }
        pending[key] = nil
        if let dropped = cache.removeValue(forKey: key) { cachedBytes -= dropped.bytes.count }
    }
}
