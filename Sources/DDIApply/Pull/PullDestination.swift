import DDIKit
import DDIPlan
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory `ddi snapshot pull` may write, judged before anything is fetched and again just
/// before the swap. Pull replaces a whole directory, so it writes only into one that is missing,
/// empty, or holds nothing but a live snapshot: exports ddi recognises by content, and files an
/// earlier pull wrote (listed with their sha256 in `.ddi-pull.json`). Anything else (`ddi.yaml`,
/// `.git`, inventory YAML, a subdirectory, a symlink, any other file) and the directory is refused
/// untouched: `--out .` in an inventory repository used to delete the repository.
public struct PullDestination: Sendable, Equatable {
    /// The path as the user gave it, for messages.
    public let given: String
    /// The physical, absolute path (symlinks and `..` resolved).
    public let path: String
    public let exists: Bool
    /// Files now in the directory that the pull replaces (earlier pull files, recognised exports).
    public let replaced: [String]
    /// Files carried into the new directory unchanged.
    public let kept: [String]

    /// Placeholders that keep an empty directory in git; harmless, so they are carried over.
    static let keptNames: Set<String> = [".gitkeep", ".keep"]
    static let snapshotExtensions = SnapshotLoader.fileExtensions

    /// Judges `given` (relative to `base`, the working directory or `-C`).
    public static func check(_ given: String, base: String) throws(ApplyRefusal) -> PullDestination {
        let shown = TextEscaping.terminal(given)
        let resolved = try PhysicalPath.resolve(given, base: base)
        if resolved.endsAtSymlink {
            throw ApplyRefusal("\(shown) is a symbolic link; give the snapshot directory itself (pull replaces the directory it names)")
        }
        guard resolved.path != "/" else { throw ApplyRefusal("\(shown) is the root directory") }
        var status = stat()
        guard lstat(resolved.path, &status) == 0 else {
            return PullDestination(given: given, path: resolved.path, exists: false, replaced: [], kept: [])
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw ApplyRefusal("\(shown) exists and is not a directory") }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: resolved.path).sorted()
        } catch {
            throw ApplyRefusal("cannot read the directory \(shown): \(error.localizedDescription)")
        }
        let manifest = PullManifest.read(directory: resolved.path)
        var replaced: [String] = []
        var kept: [String] = []
        var problems: [String] = []
        for name in entries {
            switch classify(name, in: resolved.path, manifest: manifest) {
            case .replaced: replaced.append(name)
            case .kept: kept.append(name)
            case .refused(let reason): problems.append("\(TextEscaping.terminal(name)): \(reason)")
            }
        }
        guard problems.isEmpty else {
            let place = resolved.path == given ? shown : "\(shown) (\(TextEscaping.terminal(resolved.path)))"
            let listed = problems.prefix(10).map { "  " + $0 }.joined(separator: "\n")
            let more = problems.count > 10 ? "\n  ... and \(problems.count - 10) more" : ""
            throw ApplyRefusal("""
                refusing to write the snapshot to \(place): pull replaces the whole directory, and it holds \
                files that are not a live snapshot:
                \(listed)\(more)
                nothing was changed; give --out a new or empty directory, or the snapshot directory \
                (`live:` in \(Inventory.configFileName))
                """)
        }
        return PullDestination(given: given, path: resolved.path, exists: true, replaced: replaced, kept: kept)
    }

    enum Verdict: Equatable {
        case replaced, kept
        case refused(String)
    }

    static func classify(_ name: String, in directory: String, manifest: PullManifest?) -> Verdict {
        let full = PhysicalPath.join(directory, name)
        if name == Inventory.configFileName { return .refused("the directory is an inventory root") }
        if name == ".git" { return .refused("the directory is a git repository") }
        var status = stat()
        guard lstat(full, &status) == 0 else { return .refused("cannot be read") }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return .refused("a symbolic link")
        case S_IFDIR: return .refused("a directory")
        default: return .refused("not a regular file")
        }
        if name == PullManifest.fileName {
            return manifest == nil ? .refused("not a manifest ddi snapshot pull wrote") : .replaced
        }
        if keptNames.contains(name) { return .kept }
        let fileExtension = (name as NSString).pathExtension.lowercased()
        if fileExtension == "yaml" || fileExtension == "yml" { return .refused("an inventory file (YAML)") }
        guard let data = FileManager.default.contents(atPath: full) else { return .refused("cannot be read") }
        if manifest?.wrote(name, bytes: data) == true { return .replaced }
        if snapshotExtensions.contains(fileExtension), let format = SnapshotLoader.recognisedFormat(of: [UInt8](data)) {
            return format.isRouting ? .kept : .replaced
        }
        return .refused("neither a snapshot export ddi recognises nor a file an earlier pull wrote")
    }

    /// The snapshot directory `live:` of the inventory at `root` names, for `snapshot pull` without
    /// `--out`. `live:` comes from a file anyone with a pull request can edit, so it must stay inside
    /// the root (and not be the root itself).
    public static func configuredLive(root: String) throws(ApplyRefusal) -> String {
        let configPath = PhysicalPath.join(root, Inventory.configFileName)
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw ApplyRefusal("cannot read \(TextEscaping.terminal(configPath))")
        }
        guard let live = InventoryLoader.liveDirectory(inConfig: [UInt8](data)), !live.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ApplyRefusal("no --out given, and \(Inventory.configFileName) names no snapshot directory (`live:`): pass --out DIR")
        }
        let shown = TextEscaping.terminal(live)
        guard !live.hasPrefix("/") else {
            throw ApplyRefusal("`live: \(shown)` in \(Inventory.configFileName) is an absolute path; the snapshot directory must be inside the inventory root")
        }
        let physicalRoot = PhysicalPath.realPath(root) ?? root
        let resolved = try PhysicalPath.resolve(live, base: physicalRoot)
        guard PhysicalPath.isInside(resolved.path, root: physicalRoot), resolved.path != physicalRoot else {
            throw ApplyRefusal("`live: \(shown)` in \(Inventory.configFileName) is not a directory inside the inventory root (it leads to \(TextEscaping.terminal(resolved.path))); snapshot pull writes only inside it")
        }
        return PhysicalPath.join(root, live)
    }
}
