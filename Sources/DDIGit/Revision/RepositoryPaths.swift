import Foundation

/// Where an inventory lies in its git work tree, from the directory layout alone: no repository is
/// opened, so the answer holds even where libgit2 would refuse to open one (a checkout owned by another
/// user, as in many CI containers).
public enum RepositoryPaths {
    /// The inventory root's path inside its git work tree, with a trailing slash ("" at the top),
    /// so annotations name files as GitHub sees them.
    public static func prefixInsideRepository(root: String) -> String {
        var directory = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        var components: [String] = []
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git").path) {
                return components.reversed().map { $0 + "/" }.joined()
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return "" }
            components.append(directory.lastPathComponent)
            directory = parent
        }
    }
}
