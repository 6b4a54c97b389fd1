import Foundation

/// What lies inside the inventory root. Anyone who can open a pull request controls the files below
/// the root, symbolic links included: a link to `/etc/passwd` or to a CI secret must not be read as
/// inventory (its text would be echoed in diagnostics), and `live:` must not send the snapshot reader
/// elsewhere on the machine.
public enum InventoryBoundary {
    /// `path` with every symbolic link resolved, or nil when it does not exist.
    public static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// True when `resolvedPath` is `resolvedRoot` or below it (both already resolved).
    public static func contains(_ resolvedRoot: String, _ resolvedPath: String) -> Bool {
        resolvedPath == resolvedRoot || resolvedPath.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/")
    }

    /// True when a relative path stays below its base without looking at the disk: not absolute, and
    /// no `..` climbs above where it started. This is all a git revision can tell about `live:`.
    public static func isLexicallyInside(_ relative: String) -> Bool {
        guard !relative.hasPrefix("/"), !relative.hasPrefix("~") else { return false }
        var depth = 0
        for component in relative.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return false }
            default: depth += 1
            }
        }
        return true
    }

    /// True when `relative` below `root` stays inside the root on disk, links resolved. A path that
    /// does not exist yet is judged by its nearest existing parent.
    public static func staysInside(root: String, relative: String) -> Bool {
        guard isLexicallyInside(relative), let resolvedRoot = resolved(root) else { return false }
        var path = (root as NSString).appendingPathComponent(relative)
        while resolved(path) == nil {
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path || parent.isEmpty { return false }
            path = parent
        }
        guard let resolvedPath = resolved(path) else { return false }
        return contains(resolvedRoot, resolvedPath)
    }

    /// The message for a `live:` that leaves the root; `ddi plan` and `ddi apply` refuse to read it.
    static func liveOutsideMessage(_ live: String) -> String {
        "'live' \(YAMLQuoting.doubleQuoted(live)) lies outside the inventory root: the snapshot must be inside the inventory (or pass --live PATH on the command line)"
    }

    /// The warning for an inventory file (or directory) that is a link to outside the root.
    static func linkOutsideMessage(isDirectory: Bool) -> String {
        "skipped: this \(isDirectory ? "directory" : "file") is a symbolic link to a path outside the inventory root, and is not read"
    }
}
