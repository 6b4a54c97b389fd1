import DDIKit

/// The number keys an entry covers, `lower` through `upper`.
public struct KeySpan: Sendable, Equatable {
    public var lower: UInt64
    public var upper: UInt64

    public init(lower: UInt64, upper: UInt64) {
        self.lower = lower
        self.upper = upper
    }
}

/// What `ddi audit` and `ddi report` need of one entry change: its key, whether it only moved, and of
/// each side its number span and whether it counts as an assigned number. The cache keeps these in
/// each change's header, so that a warm audit or report reads them without decoding a single entry.
public struct ChangeFact: Sendable, Equatable {
    /// One side of the change (nil: the entry is not declared on that side).
    public struct Side: Sendable, Equatable {
        /// The number keys the entry covers (nil: its number or block does not parse).
        public var span: KeySpan?
        /// True for a single number (not a block) declared `assigned`: what the report's series counts.
        public var countsAsAssigned: Bool

        init(span: KeySpan?, countsAsAssigned: Bool) {
            self.span = span
            self.countsAsAssigned = countsAsAssigned
        }

        init(_ entry: DeclaredEntry) {
            span = entry.span.map { KeySpan(lower: $0.lowerKey, upper: $0.upperKey) }
            countsAsAssigned = entry.numberStatus == .assigned && !entry.isBlock && entry.span != nil
        }
    }

    public var key: String
    /// Declared on both sides with the same fields, only in another file (`EntryChange.isMoveOnly`).
    public var isMoveOnly: Bool
    public var before: Side?
    public var after: Side?

    init(key: String, isMoveOnly: Bool, before: Side?, after: Side?) {
        self.key = key
        self.isMoveOnly = isMoveOnly
        self.before = before
        self.after = after
    }

    public init(_ change: EntryChange) {
        key = change.key
        isMoveOnly = change.isMoveOnly
        before = change.before.map(Side.init)
        after = change.after.map(Side.init)
    }
}

/// A commit that changed declared numbers, with only the facts of its changes (see `ChangeFact`).
public struct CommitFacts: Sendable {
    public var commit: CommitInfo
    /// Against each parent, as `CommitRecord.changes`.
    public var changes: [[ChangeFact]]

    public init(commit: CommitInfo, changes: [[ChangeFact]]) {
        self.commit = commit
        self.changes = changes
    }

    public init(_ record: CommitRecord) {
        self.init(commit: record.commit, changes: record.changes.map { $0.map(ChangeFact.init) })
    }

    /// Keys whose declaration this commit changed, as `CommitRecord.declarationChangedKeys`.
    public var declarationChangedKeys: Set<String> {
        func keys(_ list: [ChangeFact]) -> Set<String> {
            Set(list.lazy.filter { !$0.isMoveOnly }.map(\.key))
        }
        guard var result = changes.first.map(keys) else { return [] }
        for list in changes.dropFirst() { result.formIntersection(keys(list)) }
        return result
    }
}
