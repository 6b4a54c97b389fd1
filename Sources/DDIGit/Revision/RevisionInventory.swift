import DDIKit
import Foundation

public enum RevisionInventoryError: Error, CustomStringConvertible, Equatable {
    case noInventory(revision: String, path: String)
    case outsideRepository(root: String, workdir: String)
    case bareRepository

    public var description: String {
        switch self {
        case .noInventory(let revision, let path):
            "\(revision) has no \(path.isEmpty ? "" : path + "/")\(Inventory.configFileName): the inventory did not exist in that revision"
        case .outsideRepository(let root, let workdir):
            "the inventory root \(root) is not inside the repository work tree \(workdir)"
        case .bareRepository:
            "the repository has no work tree"
        }
    }
}

/// Loads the inventory of any revision straight from the object database (no checkout), with the
/// same diagnostics as from disk: paths are relative to the inventory root.
public enum RevisionInventory {
    public static func load(_ reader: InventoryTreeReader, commit oid: GitOID, label: String) throws -> LoadedInventory {
        try load(reader, commit: oid, label: label, packReader: nil)
    }

    /// `packReader`: reads the files' blobs from the pack files (each delta chain rebuilt once, with
    /// libgit2's answer or error for anything it does not read itself); nil: libgit2 reads them.
    static func load(_ reader: InventoryTreeReader, commit oid: GitOID, label: String, packReader: PackBlobReader?) throws -> LoadedInventory {
        let commit = try reader.repository.commit(oid)
        let listing = try reader.listing(ofTree: try reader.inventoryTree(ofCommit: commit))
        guard let config = listing.config else {
            throw RevisionInventoryError.noInventory(revision: label, path: reader.prefix)
        }
        let configBytes = try reader.repository.blobBytes(config)
        packReader?.plan(listing.files.map(\.oid))
        let files = try listing.files.map { InventorySourceFile(path: $0.path, bytes: try packReader?.bytes($0.oid) ?? reader.repository.blobBytes($0.oid)) }
        return InventoryLoader.load(config: InventorySourceFile(path: Inventory.configFileName, bytes: configBytes), files: files)
    }

    /// The path of `root` (a directory on disk) inside the repository's work tree: "" at the top.
    public static func prefix(of root: String, in repository: GitRepository) throws -> String {
        guard let workdir = repository.workdir else { throw RevisionInventoryError.bareRepository }
        let resolvedRoot = canonical(root)
        let resolvedWorkdir = canonical(workdir)
        if resolvedRoot == resolvedWorkdir { return "" }
        guard resolvedRoot.hasPrefix(resolvedWorkdir + "/") else {
            throw RevisionInventoryError.outsideRepository(root: root, workdir: workdir)
        }
        return String(resolvedRoot.dropFirst(resolvedWorkdir.count + 1))
    }

    /// `path` relative to the work tree, for a file on disk.
    public static func repositoryPath(of path: String, in repository: GitRepository) throws -> String {
        guard let workdir = repository.workdir else { throw RevisionInventoryError.bareRepository }
        let resolved = canonical(path)
        let resolvedWorkdir = canonical(workdir)
        guard resolved.hasPrefix(resolvedWorkdir + "/") else {
            throw RevisionInventoryError.outsideRepository(root: path, workdir: workdir)
        }
        return String(resolved.dropFirst(resolvedWorkdir.count + 1))
    }

    static func canonical(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        // The file itself may not exist (deleted in the work tree): resolve its directory instead.
        if !FileManager.default.fileExists(atPath: url.path) {
            let directory = url.deletingLastPathComponent().resolvingSymlinksInPath()
            url = directory.appendingPathComponent(url.lastPathComponent)
        }
        var text = url.path
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
