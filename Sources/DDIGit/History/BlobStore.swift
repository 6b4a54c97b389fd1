import DDIKit

/// Blobs and parsed files of one run, by object id: each blob is read, scanned and parsed at most
/// once while it is likely to be needed again.
final class BlobStore {
    let repository: GitRepository
    private var texts: [GitOID: BlobText] = [:]
    private var textBytes = 0
    private var parsed: [GitOID: [DeclaredEntry]] = [:]
    /// Whole files parsed ahead (`preparse`), each handed out once.
    private var preparsed: [GitOID: [DeclaredEntry]] = [:]
    /// Upper bound for the bytes of cached blobs; the cache is emptied when it is exceeded.
    let byteBudget: Int

    init(repository: GitRepository, byteBudget: Int = 256 << 20) {
        self.repository = repository
        self.byteBudget = byteBudget
    }

    func text(_ oid: GitOID) throws -> BlobText {
        if let cached = texts[oid] { return cached }
        let text = BlobText(oid: oid, bytes: try repository.blobBytes(oid))
        if textBytes + text.count > byteBudget {
            texts.removeAll(keepingCapacity: true)
            textBytes = 0
        }
        texts[oid] = text
        textBytes += text.count
        return text
    }

    /// Every number entry of a whole file (empty when it is not well-formed YAML).
    func entries(_ oid: GitOID, path: String) throws -> [DeclaredEntry] {
        if let cached = parsed[oid] { return Self.moved(cached, to: path) }
        return entries(try text(oid), path: path)
    }

    /// Every number entry of a whole file whose text is at hand.
    func entries(_ text: BlobText, path: String) -> [DeclaredEntry] {
        if let cached = parsed[text.oid] { return Self.moved(cached, to: path) }
        if let ready = preparsed.removeValue(forKey: text.oid) { return Self.moved(ready, to: path) }
        let entries = DeclaredEntries.parse(text.bytes, path: path) ?? []
        if parsed.count >= 16 { parsed.removeAll(keepingCapacity: true) }
        parsed[text.oid] = entries
        return entries
    }

    /// Parses whole files ahead on every core (the first commit adds the whole inventory: 27 MB in
    /// the benchmark history, a fifth of a cold walk when parsed on one thread), at most
    /// `byteBudget` bytes of them. `read` gives a file's bytes, nil to leave the file out (it is then
    /// parsed when needed, as any other).
    func preparse(_ files: [(oid: GitOID, path: String)], read: (GitOID) -> [UInt8]?) {
        var texts: [(oid: GitOID, path: String, bytes: [UInt8])] = []
        var total = 0
        for file in files where preparsed[file.oid] == nil && !texts.contains(where: { $0.oid == file.oid }) {
            guard let bytes = read(file.oid) else { continue }
            total += bytes.count
            if total > byteBudget { break }
            texts.append((file.oid, file.path, bytes))
        }
        let entries = Parallel.map(texts) { DeclaredEntries.parse($0.bytes, path: $0.path) ?? [] }
        for (text, found) in zip(texts, entries) { preparsed[text.oid] = found }
    }

    private static func moved(_ cached: [DeclaredEntry], to path: String) -> [DeclaredEntry] {
        if cached.first.map({ $0.path == path }) ?? true { return cached }
        return cached.map { entry in
            var moved = entry
            moved.path = path
            return moved
        }
    }
}
