/// How one number's declaration changed in one step of its history: the entries covering it before and
/// after, which may be different entries (a block split, a merge into a block).
public enum NumberTimeline {
    public static func change(of number: PhoneNumber, before: DeclaredEntry?, after: DeclaredEntry?) -> NumberChange {
        let subject = number.description
        if let block = before, let part = after, block.isBlock, block.key != part.key, NumberChanges.isInside(part, block) {
            var change = NumberChange.describe(before: block, after: part)
            let rest = block.sameDeclaration(as: part) ? "" : "; " + change.summary
            change.summary = "block \(block.key) split: now declared by \(part.isBlock ? "block " : "")\(part.key)" + rest
            change.kinds = [.blockSplit] + change.kinds.filter { $0 != .changed }
            change.subject = subject
            return change
        }
        if let part = before, let block = after, block.isBlock, block.key != part.key, NumberChanges.isInside(part, block) {
            var change = NumberChange.describe(before: part, after: block)
            let rest = part.sameDeclaration(as: block) ? "" : "; " + change.summary
            change.summary = "merged into block \(block.key)" + rest
            change.kinds = [.blockMerged] + change.kinds.filter { $0 != .changed }
            change.subject = subject
            return change
        }
        var change = NumberChange.describe(before: before, after: after)
        if let before, let after, before.key != after.key {
            // Covered by a different entry (a block resized, or a number taken out of a block).
            change.summary = "now declared by \(after.key) (was \(before.key)); " + change.summary
        }
        change.subject = subject
        return change
    }
}
