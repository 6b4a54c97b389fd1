import DDIKit

/// Who made a commit, when, and why.
public struct CommitInfo: Hashable, Sendable {
    public var oid: GitOID
    public var parents: [GitOID]
    public var author: GitSignature
    public var committer: GitSignature
    public var summary: String

    public init(oid: GitOID, parents: [GitOID], author: GitSignature, committer: GitSignature, summary: String) {
        self.oid = oid
        self.parents = parents
        self.author = author
        self.committer = committer
        self.summary = summary
    }

    init(_ commit: GitCommit) {
        self.init(oid: commit.oid, parents: commit.parentOIDs, author: commit.author, committer: commit.committer, summary: commit.summary)
    }
}

/// A commit that changed declared numbers, with the entry changes against each parent (one list for a
/// root commit, against nothing). A merge counts as changing an entry only where it differs from every
/// parent, as `git log` treats a merge that resolves a conflict.
public struct CommitRecord: Sendable {
    public var commit: CommitInfo
    public var changes: [[EntryChange]]

    public init(commit: CommitInfo, changes: [[EntryChange]]) {
        self.commit = commit
        self.changes = changes
    }

    /// Keys of entries this commit changed (for a merge: against every parent).
    public var changedKeys: Set<String> {
        guard var keys = changes.first.map({ Set($0.map(\.key)) }) else { return [] }
        for list in changes.dropFirst() { keys.formIntersection(list.map(\.key)) }
        return keys
    }

    /// The entries covering `number` before and after this commit, when it changed them (for a merge:
    /// against every parent; before and after are taken against the first parent).
    public func change(of number: PhoneNumber) -> (before: DeclaredEntry?, after: DeclaredEntry?)? {
        var first: (DeclaredEntry?, DeclaredEntry?)?
        for list in changes {
            let touching = list.filter { $0.touches(number) }
            guard !touching.isEmpty else { return nil }
            if first == nil {
                first = (touching.lazy.compactMap(\.before).first { $0.covers(number) },
                         touching.lazy.compactMap(\.after).first { $0.covers(number) })
            }
        }
        return first
    }
}
