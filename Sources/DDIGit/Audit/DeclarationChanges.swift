import DDIKit

extension CommitRecord {
    /// Keys of entries whose declaration this commit changed: like `changedKeys`, but an entry that
    /// only moved (a renamed file, an item cut from one file and pasted into another) with every field
    /// as it was is not changed. `ddi history` still shows such a move; the audit's "last change" is
    /// the last commit that decided something about the number.
    public var declarationChangedKeys: Set<String> {
        func keys(_ list: [EntryChange]) -> Set<String> {
            Set(list.lazy.filter { !$0.isMoveOnly }.map(\.key))
        }
        guard var result = changes.first.map(keys) else { return [] }
        for list in changes.dropFirst() { result.formIntersection(keys(list)) }
        return result
    }
}

extension EntryChange {
    /// True when the entry is declared on both sides with the same fields, only in another file (or
    /// spelled differently: the key is the same canonical number or block).
    var isMoveOnly: Bool {
        guard let before, let after else { return false }
        return before.sameDeclaration(as: after)
    }
}
