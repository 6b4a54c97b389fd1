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

    public func declaredInputs(commit: String? = nil) -> PlanInputs.Declared {
        declaredInputs(commit: commit, contentDigest: contentDigest)
    }

    /// `contentDigest`: this value's `contentDigest`, taken already.
    func declaredInputs(commit: String?, contentDigest: String) -> PlanInputs.Declared {
        PlanInputs.Declared(commit: commit, contentSHA256: contentDigest, files: files.count + 1)
    }
}
