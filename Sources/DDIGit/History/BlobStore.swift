import DDIKit

/// Blobs and parsed files of one run, by object id: each blob is read, scanned and parsed at most
/// once while it is likely to be needed again.
final class BlobStore {
    let repository: GitRepository
    private var texts: [GitOID: BlobText] = [:]
    private var textBytes = 0
    private var parsed: [GitOID: [DeclaredEntry]] = [:]
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
        let entries = DeclaredEntries.parse(text.bytes, path: path) ?? []
        if parsed.count >= 16 { parsed.removeAll(keepingCapacity: true) }
        parsed[text.oid] = entries
        return entries
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
