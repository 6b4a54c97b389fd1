/// Turns entry-level changes into per-number changes, recognising block splits and merges.
public enum NumberChanges {
    public static func from(_ entryChanges: [EntryChange]) -> [NumberChange] {
        var result: [NumberChange] = []
        var removed: [DeclaredEntry] = []
        var added: [DeclaredEntry] = []
        for change in entryChanges {
            switch (change.before, change.after) {
            case (let b?, let a?): result.append(.describe(before: b, after: a))
            case (let b?, nil): removed.append(b)
            case (nil, let a?): added.append(a)
            case (nil, nil): break
            }
        }
        var usedAdded = Set<Int>()
        var usedRemoved = Set<Int>()
        // A block replaced by smaller entries inside it: a split. Parts that declare something else are
        // changes of their own, before = the old block.
        for (r, block) in removed.enumerated() where block.isBlock {
            let parts = added.indices.filter { !usedAdded.contains($0) && isInside(added[$0], block) }
            guard !parts.isEmpty else { continue }
            usedRemoved.insert(r)
            var sameParts: [String] = []
            for index in parts {
                usedAdded.insert(index)
                let part = added[index]
                if part.sameDeclaration(as: block) {
                    sameParts.append(part.key)
                } else {
                    var change = NumberChange.describe(before: block, after: part)
                    change.subject = part.key
                    result.append(change)
                }
            }
            let allParts = parts.map { added[$0].key }
            var summary = "block split into \(allParts.joined(separator: ", "))"
            if !sameParts.isEmpty && sameParts.count < allParts.count { summary += " (\(sameParts.joined(separator: ", ")) still \(NumberChange.state(block)))" }
            let moved = parts.contains { added[$0].path != block.path }
            if moved, let path = parts.first.map({ added[$0].path }) { summary += "; now in \(path)" }
            result.append(NumberChange(subject: block.key, kinds: [.blockSplit], summary: summary, fields: [], before: block, after: nil, parts: allParts))
        }
        // Several entries replaced by a block that contains them: a merge.
        for (a, block) in added.enumerated() where block.isBlock && !usedAdded.contains(a) {
            let parts = removed.indices.filter { !usedRemoved.contains($0) && isInside(removed[$0], block) }
            guard !parts.isEmpty else { continue }
            usedAdded.insert(a)
            for index in parts { usedRemoved.insert(index) }
            let names = parts.map { removed[$0].key }
            var summary = "merged \(names.joined(separator: ", ")) into one block"
            if let first = parts.first, !removed[first].sameDeclaration(as: block) { summary += ": \(NumberChange.state(removed[first])) → \(NumberChange.state(block))" }
            result.append(NumberChange(subject: block.key, kinds: [.blockMerged], summary: summary, fields: [], before: nil, after: block, parts: names))
        }
        for (index, entry) in removed.enumerated() where !usedRemoved.contains(index) {
            result.append(.describe(before: entry, after: nil))
        }
        for (index, entry) in added.enumerated() where !usedAdded.contains(index) {
            result.append(.describe(before: nil, after: entry))
        }
        return result.sorted { ($0.sortKey, $0.subject) < ($1.sortKey, $1.subject) }
    }

    static func isInside(_ part: DeclaredEntry, _ block: DeclaredEntry) -> Bool {
        guard let span = part.span, let blockSpan = block.span, span.first.phoneExtension == nil else { return false }
        return blockSpan.contains(span) && span != blockSpan
    }
}
