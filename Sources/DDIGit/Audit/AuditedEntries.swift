import DDIKit

/// The declared entries of one inventory tree, as the audit lists them, kept in `.ddi/cache/` so that
/// a warm `ddi audit` does not parse the whole inventory again.
///
/// The entries are a function of the tree's id (which fixes every file) and of how this version of ddi
/// reads them (the header's format version), so a cached list is the list. Only the last tree audited
/// is kept. A file that does not decode completely, or whose checksum does not match, is ignored.
struct AuditedEntriesCache {
    static let formatVersion: UInt32 = 1
    static let magic = Array("DDIENT\u{1}\n".utf8)

    let path: String
    let prefix: String

    init(directory: String, prefix: String) {
        self.prefix = prefix
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in prefix.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        path = directory + "/entries-" + String(hash, radix: 16) + ".bin"
    }

    /// The entries of `tree`, in the order the inventory declares them; nil when not cached.
    func load(tree: GitOID) -> [DeclaredEntry]? {
        guard let file = CacheFileBytes.read(path) else { return nil }
        return try? Self.decode(file.buffer, prefix: prefix, tree: tree)
    }

    func save(tree: GitOID, entries: [DeclaredEntry]) {
        var writer = ByteWriter()
        writer.bytes(Self.magic)
        writer.u32(Self.formatVersion)
        writer.string(prefix)
        writer.bytes(tree.rawBytes)
        writer.u32(UInt32(entries.count))
        for entry in entries { writer.entry(entry) }
        writer.u64(ByteWriter.checksum(writer.data))
        CacheFileBytes.write(writer.data, to: path)
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, prefix: String, tree: GitOID) throws -> [DeclaredEntry]? {
        guard bytes.count >= magic.count + 8 else { throw ByteReader.Problem.truncated }
        let body = bytes.count - 8
        var reader = ByteReader(bytes: bytes)
        guard try reader.take(magic.count) == magic, try reader.u32() == formatVersion, try reader.string() == prefix,
              try reader.oid() == tree else { return nil }
        var check = ByteReader(bytes: bytes, position: body)
        guard try check.u64() == ByteWriter.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<body])) else { throw ByteReader.Problem.corrupt }
        let count = try reader.count()
        var entries: [DeclaredEntry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let entry = try reader.entry() else { throw ByteReader.Problem.corrupt }
            entries.append(entry)
        }
        guard reader.position == body else { throw ByteReader.Problem.corrupt }
        return entries
    }
}

extension GitHistory {
    /// The declared entries of the inventory at `oid` (each number and block of each file, files in
    /// path order) and its configuration. With a cache, a tree audited before is read from
    /// `.ddi/cache/` and only `ddi.yaml` is parsed; otherwise the whole inventory is loaded (and cached).
    func auditedEntries(at oid: GitOID, label: String) throws -> (entries: [DeclaredEntry], config: InventoryConfig) {
        let commit = try repository.commit(oid)
        let tree = try reader.inventoryTree(ofCommit: commit)
        let cache = cacheDirectory.map { AuditedEntriesCache(directory: $0, prefix: prefix) }
        if let tree, let cache, let entries = cache.load(tree: tree) {
            let listing = try reader.listing(ofTree: tree)
            if let config = listing.config {
                let configFile = InventorySourceFile(path: Inventory.configFileName, bytes: try repository.blobBytes(config))
                return (entries, InventoryLoader.load(config: configFile, files: []).inventory.config)
            }
        }
        let loaded = try inventory(at: oid, label: label)
        inventoryParses += 1
        var entries: [DeclaredEntry] = []
        for file in loaded.inventory.files {
            for number in file.numbers { entries.append(DeclaredEntry(number, path: file.path)) }
        }
        if let tree, let cache { cache.save(tree: tree, entries: entries) }
        return (entries, loaded.inventory.config)
    }
}
