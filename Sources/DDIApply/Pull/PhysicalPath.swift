import DDIKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a path really leads on disk, so that `snapshot pull` judges the directory it would replace
/// and not the name it was given: `live/../sites`, `link/.` or a symlink to the inventory root all
/// land on a directory that must pass the same checks.
enum PhysicalPath {
    struct Resolved: Equatable {
        /// Absolute, no `.`, `..` or symlink left; the part after the last existing directory may not exist yet.
        var path: String
        /// The last component named was a symbolic link (`live` or `live/.` when live is a link).
        var endsAtSymlink: Bool
    }

    /// Resolves `path` (relative to `base`) component by component: existing symlinks are followed
    /// (`realpath`), `..` goes to the physical parent, and a missing tail is appended as written.
    static func resolve(_ path: String, base: String) throws(ApplyRefusal) -> Resolved {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        let components = absolute.split(separator: "/").map(String.init)
        var resolved = "/"
        var endsAtSymlink = false
        for (index, component) in components.enumerated() {
            if component.isEmpty || component == "." { continue }
            if component == ".." {
                resolved = parent(of: resolved)
                endsAtSymlink = false
                continue
            }
            let candidate = join(resolved, component)
            var status = stat()
            guard lstat(candidate, &status) == 0 else {
                // Nothing on disk from here: the rest is created as named, so it may not climb back up.
                let rest = components[index...].filter { !$0.isEmpty && $0 != "." }
                guard !rest.contains("..") else {
                    throw ApplyRefusal("cannot resolve \(TextEscaping.terminal(path)): `..` after a directory that does not exist")
                }
                return Resolved(path: rest.reduce(resolved, join), endsAtSymlink: false)
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                guard let target = realPath(candidate) else {
                    throw ApplyRefusal("\(TextEscaping.terminal(path)): the symbolic link \(TextEscaping.terminal(candidate)) leads nowhere")
                }
                resolved = target
                endsAtSymlink = true
            } else {
                resolved = candidate
                endsAtSymlink = false
            }
        }
        return Resolved(path: resolved, endsAtSymlink: endsAtSymlink)
    }

    /// True when `path` is `root` or below it (both physical).
    static func isInside(_ path: String, root: String) -> Bool {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path == root || path.hasPrefix(prefix)
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "/" : parent
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
