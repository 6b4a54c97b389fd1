import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libgit2 must be initialised once per process before any other call.
public enum LibGit2 {
    private static let initialised: Int32 = {
        let code = git_libgit2_init()
        configureForReading()
        return code
    }()

    public static func ensureInitialised() { _ = initialised }

    /// The linked libgit2 version, e.g. "1.5.1".
    public static var version: String {
        ensureInitialised()
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }

    /// Process-wide libgit2 settings for ddi, which only ever reads the object database.
    ///
    /// - Strict hash verification off: libgit2 otherwise hashes every object it reads again (SHA-1
    ///   with collision detection, about 2 ms per 540 KB inventory file, for every version of every
    ///   file a history walk reads). git itself does not verify objects on reading either (`git log`,
    ///   `git blame`, `git cat-file`); integrity of a repository is checked when objects arrive
    ///   (`git fetch`, `index-pack`, `transfer.fsckObjects`) and by `git fsck`, and pack data is
    ///   still zlib-checked. A corrupt object makes a YAML parse or a delta fail, never a silent answer
    ///   about another commit, since commit and tree ids are still what names each revision.
    /// - No `.keep` file check for every pack: ddi never repacks.
    /// - Pack windows of 32 MB, at most 128 MB mapped (defaults: 1 GB and 8 GB on 64-bit): a history
    ///   walk reads a whole pack front to back, and every mapped page counts as the process's memory.
    ///
    /// `git_libgit2_opts` is variadic, which Swift cannot call, so it is called through a pointer
    /// typed with the fixed arguments of these options (integer arguments are passed the same way to
    /// variadic and fixed-argument C functions on the x86-64 and arm64 Linux ABIs). Should the symbol
    /// be missing, libgit2's defaults stay: slower, never different.
    private static func configureForReading() {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "git_libgit2_opts") else { return }
        typealias SetInt = @convention(c) (Int32, Int32) -> Int32
        let opts = unsafeBitCast(symbol, to: SetInt.self)
        _ = opts(Int32(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION.rawValue), 0)
        _ = opts(Int32(GIT_OPT_DISABLE_PACK_KEEP_FILE_CHECKS.rawValue), 1)
        typealias SetSize = @convention(c) (Int32, Int) -> Int32
        let sizeOpts = unsafeBitCast(symbol, to: SetSize.self)
        _ = sizeOpts(Int32(GIT_OPT_SET_MWINDOW_SIZE.rawValue), 32 << 20)
        _ = sizeOpts(Int32(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT.rawValue), 128 << 20)
        #endif
    }
}
