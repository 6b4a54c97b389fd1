import DDIKit
import Foundation

public enum CommitHookError: Error, CustomStringConvertible, Equatable {
    case exists(path: String)

    public var description: String {
        switch self {
        case .exists(let path):
            "\(TextEscaping.terminal(path)) already exists and is not ddi's: leave it, or pass --force to move it aside (it is kept as a backup)"
        }
    }
}

/// The `prepare-commit-msg` hook of `ddi hook install`: a short shell script that hands the message
/// file to `ddi hook prepare-commit-msg`, which fills it when the staged change touches the inventory.
public enum CommitHook {
    public static let name = "prepare-commit-msg"
    static let marker = "# installed by `ddi hook install`"

    public struct Installation: Equatable, Sendable {
        public var path: String
        /// Where an existing hook was moved (with `--force`); nil when there was none.
        public var backup: String?
        /// True when the very same hook was there already.
        public var unchanged: Bool
    }

    /// The script. It runs ddi by the absolute path it was installed from, else `ddi` on PATH, and
    /// never stops a commit: without ddi, or when ddi fails, the message stays as git made it.
    /// `inventoryPath` is the inventory root relative to the work tree, where git runs hooks.
    public static func script(ddiPath: String, inventoryPath: String) -> String {
        """
        #!/bin/sh
        \(marker): when the staged change touches the inventory,
        # ddi fills the commit message (subject, one line per changed number, Number:/Range:/Routing:
        # trailers). It never stops a commit. Remove this file to turn it off.
        ddi=\(shellQuoted(ddiPath))
        if [ ! -x "$ddi" ]; then ddi="$(command -v ddi 2>/dev/null)" || exit 0; fi
        "$ddi" hook prepare-commit-msg -C \(shellQuoted(inventoryPath.isEmpty ? "." : inventoryPath)) "$@" || true
        exit 0

        """
    }

    /// Writes the hook into the repository's hooks directory. An existing hook is never overwritten:
    /// without `force` it is an error; with `force` it is renamed to `prepare-commit-msg.ddi-backup`
    /// (or `.ddi-backup-2`, ... when that exists) first.
    public static func install(in repository: GitRepository, ddiPath: String, inventoryPath: String, force: Bool) throws -> Installation {
        let directory = try repository.hooksDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + name
        let text = script(ddiPath: ddiPath, inventoryPath: inventoryPath)
        var backup: String?
        if manager.fileExists(atPath: path) || (try? manager.destinationOfSymbolicLink(atPath: path)) != nil {
            if let existing = manager.contents(atPath: path), existing == Data(text.utf8) {
                return Installation(path: path, backup: nil, unchanged: true)
            }
            guard force else { throw CommitHookError.exists(path: path) }
            var candidate = path + ".ddi-backup"
            var counter = 2
            while manager.fileExists(atPath: candidate) || (try? manager.destinationOfSymbolicLink(atPath: candidate)) != nil {
                candidate = path + ".ddi-backup-\(counter)"
                counter += 1
            }
            try manager.moveItem(atPath: path, toPath: candidate)
            backup = candidate
        }
        let temporary = path + ".ddi-\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard manager.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o755]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        do {
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
            if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
        return Installation(path: path, backup: backup, unchanged: false)
    }

    /// `value` as one shell word: single quotes, each `'` written as `'\''`.
    static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
