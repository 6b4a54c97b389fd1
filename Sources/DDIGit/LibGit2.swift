import CLibGit2

/// libgit2 must be initialised once per process before any other call.
public enum LibGit2 {
    private static let initialised: Int32 = git_libgit2_init()

    public static func ensureInitialised() { _ = initialised }

    /// The linked libgit2 version, e.g. "1.5.1".
    public static var version: String {
        ensureInitialised()
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
