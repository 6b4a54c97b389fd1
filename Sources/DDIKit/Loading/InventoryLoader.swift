import Foundation

/// A file of the inventory as bytes, with its path relative to the inventory root.
public struct InventorySourceFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// The declared state's files as bytes: `ddi.yaml`, the inventory files in path order, and the
/// snapshot directory `ddi.yaml` names (`live:`, as written).
public struct InventorySources: Sendable {
    public var config: InventorySourceFile
    public var files: [InventorySourceFile]
    public var liveDirectory: String?
    /// Diagnostics about entries that were not read because they are links to outside the root:
    /// warnings for inventory files and directories, an error for `ddi.yaml`.
    public var unread: [Diagnostic] = []
}

/// The declared state and every problem found while reading it.
public struct LoadedInventory: Sendable {
    public var inventory: Inventory
    public var diagnostics: [Diagnostic]
    public var filePaths: [String]
}

public enum InventoryLoadError: Error, CustomStringConvertible, Equatable {
    case noInventoryRoot(String)
    case unreadableDirectory(String, String)
    case liveOutsideRoot(String)

    public var description: String {
        switch self {
        case .noInventoryRoot(let start):
            "no \(Inventory.configFileName) found in \(start) or any parent directory (create one with 'version: 1', or pass -C DIR)"
        case .unreadableDirectory(let path, let reason):
            "cannot read directory \(path): \(reason)"
        case .liveOutsideRoot(let live):
            "\(Inventory.configFileName): " + InventoryBoundary.liveOutsideMessage(live)
        }
    }
}

public enum InventoryLoader {
    /// Walks up from `start` to the first directory holding `ddi.yaml`, as git does for `.git`.
    public static func findRoot(from start: String) throws -> String {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = directory.appendingPathComponent(Inventory.configFileName).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return directory.path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { throw InventoryLoadError.noInventoryRoot(start) }
            directory = parent
        }
    }

    /// Every inventory file below `root`, relative and sorted: `*.yaml` / `*.yml` except `ddi.yaml`
    /// itself, hidden directories, `.ddi/` and the snapshot directory named by `live:`.
    public static func inventoryFilePaths(root: String, excluding excludedDirectory: String?) throws -> [String] {
        try listInventoryFiles(root: root, excluding: excludedDirectory).paths
    }

    /// The inventory files below `root`, and a warning for each symbolic link (file or directory)
    /// that resolves outside the root: those are never read.
    public static func listInventoryFiles(root: String, excluding excludedDirectory: String?) throws -> (paths: [String], skipped: [Diagnostic]) {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root) else {
            throw InventoryLoadError.unreadableDirectory(root, "not a directory")
        }
        let resolvedRoot = InventoryBoundary.resolved(root) ?? root
        let excluded = excludedDirectory.map(normalizedRelative)
        var paths: [String] = []
        var skipped: [Diagnostic] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let full = root + "/" + relative
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: full, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                if name.hasPrefix(".") || relative == excluded { enumerator.skipDescendants(); continue }
                if isSymbolicLink(full), !InventoryBoundary.contains(resolvedRoot, InventoryBoundary.resolved(full) ?? "") {
                    skipped.append(linkWarning(relative, isDirectory: true))
                    enumerator.skipDescendants()
                }
                continue
            }
            guard !name.hasPrefix("."), relative != Inventory.configFileName,
                  name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
            if isSymbolicLink(full), !InventoryBoundary.contains(resolvedRoot, InventoryBoundary.resolved(full) ?? "") {
                skipped.append(linkWarning(relative, isDirectory: false))
                continue
            }
            paths.append(relative)
        }
        return (paths.sorted(), skipped.sorted { $0.location.file < $1.location.file })
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private static func linkWarning(_ relative: String, isDirectory: Bool) -> Diagnostic {
        Diagnostic(ruleID: ShapeReader.ruleID, severity: .warning, message: InventoryBoundary.linkOutsideMessage(isDirectory: isDirectory),
                   location: SourceLocation(file: relative, line: 1, column: 1))
    }

    /// Loads the inventory rooted at `root` from disk. A `live:` that leaves the root through a link
    /// is an error here (one that leaves it by its text is the config decoder's), not a refusal, so
    /// that `ddi validate` shows it with the other diagnostics.
    public static func load(root: String) throws -> LoadedInventory {
        let (sources, liveProblem) = try collectSources(root: root)
        var loaded = load(config: sources.config, files: sources.files)
        loaded.diagnostics += sources.unread
        if let liveProblem, InventoryBoundary.isLexicallyInside(liveProblem.value) {
            loaded.diagnostics.append(Diagnostic(ruleID: ShapeReader.ruleID, severity: .error,
                                                 message: InventoryBoundary.liveOutsideMessage(liveProblem.value), location: liveProblem.location))
        }
        return loaded
    }

    /// Reads `ddi.yaml` and every inventory file below `root` as bytes, without parsing them, for
    /// callers that also digest or edit the very bytes they load. Refuses a `live:` outside the root:
    /// these callers go on to read the snapshot.
    public static func readSources(root: String) throws -> InventorySources {
        let (sources, liveProblem) = try collectSources(root: root)
        if let liveProblem { throw InventoryLoadError.liveOutsideRoot(liveProblem.value) }
        return sources
    }

    /// The sources, and the `live:` value when it leaves the root (it is then not named as the
    /// snapshot directory).
    static func collectSources(root: String) throws -> (InventorySources, Located<String>?) {
        var unread: [Diagnostic] = []
        var config = InventorySourceFile(path: Inventory.configFileName, bytes: [])
        if InventoryBoundary.staysInside(root: root, relative: Inventory.configFileName) {
            config = readFile(root: root, path: Inventory.configFileName)
        } else {
            // Taken as empty, so that every command refuses the inventory as it would a blank ddi.yaml.
            unread.append(Diagnostic(ruleID: ShapeReader.ruleID, severity: .error, message: InventoryBoundary.linkOutsideMessage(isDirectory: false),
                                     location: SourceLocation(file: Inventory.configFileName, line: 1, column: 1)))
        }
        var live = liveValue(inConfig: config.bytes)
        var liveProblem: Located<String>?
        if let value = live?.value, !InventoryBoundary.staysInside(root: root, relative: value) {
            liveProblem = live
            live = nil
        }
        let listing = try listInventoryFiles(root: root, excluding: live?.value)
        let files = Parallel.map(listing.paths) { readFile(root: root, path: $0) }
        return (InventorySources(config: config, files: files, liveDirectory: live?.value, unread: unread + listing.skipped), liveProblem)
    }

    /// Loads an inventory given as bytes (from disk, from a git revision, or from a rule's example).
    public static func load(config: InventorySourceFile?, files: [InventorySourceFile]) -> LoadedInventory {
        load(config: config, files: files, reader: .fastWhenPossible)
    }

    static func load(config: InventorySourceFile?, files: [InventorySourceFile], reader: YAMLReaderChoice) -> LoadedInventory {
        var diagnostics: [Diagnostic] = []
        var inventoryConfig = InventoryConfig()
        if let config {
            var decoder = ConfigDecoder()
            switch YAMLParser.parse(config.bytes, file: config.path, reader: reader) {
            case .success(let root):
                inventoryConfig = decoder.decode(root, path: config.path, knownRuleIDs: RuleCatalog.ids + PreflightCheckIDs.all)
            case .failure(let error):
                decoder.reader.report(error.message, at: error.location)
            }
            diagnostics += decoder.reader.diagnostics
        }
        let decoded = Parallel.map(files.sorted { $0.path < $1.path }) { source -> (InventoryFile, [Diagnostic]) in
            var decoder = InventoryFileDecoder()
            let file = decoder.decode(bytes: source.bytes, path: source.path, reader: reader)
            return (file, decoder.reader.diagnostics)
        }
        for (_, fileDiagnostics) in decoded { diagnostics += fileDiagnostics }
        return LoadedInventory(
            inventory: Inventory(config: inventoryConfig, files: decoded.map(\.0)),
            diagnostics: diagnostics,
            filePaths: files.map(\.path).sorted()
        )
    }

    /// One file below `root`; a file that cannot be read counts as empty.
    public static func readFile(root: String, path: String) -> InventorySourceFile {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
            return InventorySourceFile(path: path, bytes: [])
        }
        return InventorySourceFile(path: path, bytes: data.withUnsafeBytes { Array($0) })
    }

    /// The `live:` value of a `ddi.yaml`, as written. It must be known before listing files (the snapshot
    /// directory is not inventory); a malformed `ddi.yaml` names none here and is reported when loaded.
    public static func liveDirectory(inConfig bytes: [UInt8]) -> String? {
        liveValue(inConfig: bytes)?.value
    }

    static func liveValue(inConfig bytes: [UInt8]) -> Located<String>? {
        guard case .success(let root?) = YAMLParser.parse(bytes, file: Inventory.configFileName),
              case .mapping(let pairs, _) = root else { return nil }
        for pair in pairs {
            if case .scalar(let key) = pair.key, key.text == "live", case .scalar(let value) = pair.value, !value.isNull {
                return Located(value.text, at: value.location)
            }
        }
        return nil
    }

    /// A relative directory path without leading `./` or trailing `/`.
    public static func normalizedRelative(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
