import Crypto
import DDIKit
import Foundation

/// The declared state's files read once from disk: the loader parses these bytes and the digest is
/// taken over the very same bytes, so the plan names exactly what it was computed from.
public struct DeclaredSources: Sendable {
    public var config: InventorySourceFile
    public var files: [InventorySourceFile]
    /// The `live:` directory of ddi.yaml, relative to the root, when set.
    public var liveDirectory: String?

    public init(config: InventorySourceFile, files: [InventorySourceFile], liveDirectory: String?) {
        self.config = config
        self.files = files
        self.liveDirectory = liveDirectory
    }

    /// Reads ddi.yaml and every inventory file below `root` (the `live:` directory excluded).
    public static func read(root: String) throws -> DeclaredSources {
        let sources = try InventoryLoader.readSources(root: root)
        return DeclaredSources(config: sources.config, files: sources.files, liveDirectory: sources.liveDirectory)
    }

    public func load() -> LoadedInventory { InventoryLoader.load(config: config, files: files) }

    /// `sha256:` over every file sorted by path, each as its UTF-8 path, a NUL, its length in decimal,
    /// a NUL and its bytes: a rename or a moved byte changes the digest, and so does nothing else.
    public var contentDigest: String {
        var hasher = SHA256()
        for file in ([config] + files).sorted(by: { $0.path < $1.path }) {
            hasher.update(data: Array(file.path.utf8) + [0] + Array(String(file.bytes.count).utf8) + [0])
            hasher.update(data: file.bytes)
        }
        return "sha256:" + hasher.finalize().map { byteHex($0) }.joined()
    }

    /// Git's blob id (SHA-1 of `blob LENGTH\0BYTES`) of ddi.yaml and every inventory file by path, so
    /// that the command can tell whether the files on disk are exactly those of a commit.
    public var gitBlobIDs: [String: String] {
        var ids: [String: String] = [:]
        for file in [config] + files {
            var hasher = Insecure.SHA1()
            hasher.update(data: Array("blob \(file.bytes.count)".utf8) + [0])
            hasher.update(data: file.bytes)
            ids[file.path] = hasher.finalize().map { byteHex($0) }.joined()
        }
        return ids
    }

    public func declaredInputs(commit: String? = nil) -> PlanInputs.Declared {
        PlanInputs.Declared(commit: commit, contentSHA256: contentDigest, files: files.count + 1)
    }
}
