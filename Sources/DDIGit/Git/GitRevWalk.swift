import CLibGit2

/// Walks commits reachable from the pushed ones.
public final class GitRevWalk {
    public struct Order: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Parents after all their children (with `.reverse`: parents first).
        public static let topological = Order(rawValue: GIT_SORT_TOPOLOGICAL.rawValue)
        public static let time = Order(rawValue: GIT_SORT_TIME.rawValue)
        public static let reverse = Order(rawValue: GIT_SORT_REVERSE.rawValue)
    }

    let pointer: OpaquePointer
    /// Keeps the repository alive while the walk uses it.
    let repository: GitRepository

    public init(_ repository: GitRepository, order: Order) throws {
        var handle: OpaquePointer?
        try GitError.check(git_revwalk_new(&handle, repository.pointer), "start a revision walk")
        guard let handle else { throw GitError(operation: "start a revision walk", code: -1, message: "no walker") }
        pointer = handle
        self.repository = repository
        try GitError.check(git_revwalk_sorting(pointer, order.rawValue), "sort the revision walk")
    }

    deinit { git_revwalk_free(pointer) }

    public func push(_ oid: GitOID) throws {
        var raw = oid.raw
        try GitError.check(git_revwalk_push(pointer, &raw), "walk from \(oid.short())")
    }

    public func hide(_ oid: GitOID) throws {
        var raw = oid.raw
        try GitError.check(git_revwalk_hide(pointer, &raw), "hide \(oid.short())")
    }

    /// The next commit, or nil at the end.
    public func next() throws -> GitOID? {
        var raw = git_oid()
        let code = git_revwalk_next(&raw, pointer)
        if code == GIT_ITEROVER.rawValue { return nil }
        try GitError.check(code, "walk commits")
        return GitOID(raw)
    }

    /// Every remaining commit.
    public func all() throws -> [GitOID] {
        var result: [GitOID] = []
        while let oid = try next() { result.append(oid) }
        return result
    }
}
