/// An entry (keyed by its number or block) before and after a change; nil means not declared.
public struct EntryChange: Hashable, Sendable {
    public var key: String
    public var before: DeclaredEntry?
    public var after: DeclaredEntry?

    public init(key: String, before: DeclaredEntry?, after: DeclaredEntry?) {
        self.key = key
        self.before = before
        self.after = after
    }

    /// True when the entry covers `number` on either side.
    public func touches(_ number: PhoneNumber) -> Bool {
        (before?.covers(number) ?? false) || (after?.covers(number) ?? false)
    }
}

public enum EntryChanges {
    /// Compares two sets of entries by key. Entries that are the same on both sides are dropped, so the
    /// inputs may be any pair of corresponding subsets (the changed parts of two revisions), as long as
    /// everything left out is the same on both sides.
    public static func compute(old: [DeclaredEntry], new: [DeclaredEntry]) -> [EntryChange] {
        var oldByKey: [String: [DeclaredEntry]] = [:]
        var newByKey: [String: [DeclaredEntry]] = [:]
        var order: [String] = []
        for entry in old {
            if oldByKey[entry.key] == nil && newByKey[entry.key] == nil { order.append(entry.key) }
            oldByKey[entry.key, default: []].append(entry)
        }
        for entry in new {
            if oldByKey[entry.key] == nil && newByKey[entry.key] == nil { order.append(entry.key) }
            newByKey[entry.key, default: []].append(entry)
        }
        var changes: [EntryChange] = []
        for key in order {
            var before = oldByKey[key] ?? []
            var after = newByKey[key] ?? []
            // Drop what is identical on both sides.
            var index = 0
            while index < before.count {
                if let match = after.firstIndex(of: before[index]) {
                    after.remove(at: match)
                    before.remove(at: index)
                } else {
                    index += 1
                }
            }
            // Pair what is left: same file first, then in order.
            while let first = before.first {
                before.removeFirst()
                let partner = after.firstIndex { $0.path == first.path } ?? after.indices.first
                if let partner {
                    changes.append(EntryChange(key: key, before: first, after: after.remove(at: partner)))
                } else {
                    changes.append(EntryChange(key: key, before: first, after: nil))
                }
            }
            for entry in after { changes.append(EntryChange(key: key, before: nil, after: entry)) }
        }
        return changes
    }
}
