/// Where two versions of an inventory file differ, widened to whole `numbers:` items.
///
/// The bytes before and after the window are identical in both versions and hold whole items of the
/// same section at the same indentation, so every entry outside the window is declared identically on
/// both sides. Only the window needs parsing. Whenever the text is not the plain block YAML this relies
/// on (a top-level key, a document marker, an anchor, an alias, an escape, a tab or a changed
/// indentation inside the window), the outcome is `.whole` and the files are compared in full.
enum ChangeWindow: Equatable {
    case identical
    /// The change lies outside every `numbers:` section.
    case outsideNumbers
    case whole
    case window(old: Range<Int>, new: Range<Int>)

    /// True when the window may hold an anchor (`&a`) or alias (`*a`) that ties it to text outside, an
    /// escape (`\`) or a tab. `&` and `*` inside a word (`R&D`) are plain text.
    static func hasUnsafeText(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range {
            switch buffer[index] {
            case UInt8(ascii: "\\"), UInt8(ascii: "\t"):
                return true
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                if index == range.lowerBound { return true }
                switch buffer[index - 1] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): return true
                default: continue
                }
            default:
                continue
            }
        }
        return false
    }

    static func find(old: BlobText, new: BlobText) -> ChangeWindow {
        let oldTopLevel = old.topLevel
        return old.bytes.withUnsafeBufferPointer { a in
            new.bytes.withUnsafeBufferPointer { b in
                let outcome = find(a, b, oldTopLevel: oldTopLevel)
                if case .window(let oldRange, let newRange) = outcome.window, !new.hasTopLevel {
                    // Carry the top-level lines over: none lies inside the windows.
                    let shift = newRange.upperBound - oldRange.upperBound
                    new.setTopLevel(oldTopLevel.compactMap { line in
                        if line.offset < oldRange.lowerBound { return line }
                        if line.offset >= oldRange.upperBound { return TopLevelLine(offset: line.offset + shift, section: line.section) }
                        return nil
                    })
                } else if case .outsideNumbers = outcome.window, let carried = outcome.carried, !new.hasTopLevel {
                    new.setTopLevel(carried)
                }
                return outcome.window
            }
        }
    }

    private static func find(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, oldTopLevel: [TopLevelLine]) -> (window: ChangeWindow, carried: [TopLevelLine]?) {
        let prefix = ByteScan.commonPrefix(a, b)
        if prefix == a.count && prefix == b.count { return (.identical, nil) }
        let suffix = ByteScan.commonSuffix(a, b, limit: min(a.count, b.count) - prefix)
        let start = ByteScan.lineStart(a, containing: prefix)
        // Align the end of the differing part to a line start that is one in both versions.
        var endA = a.count - suffix
        var endB = b.count - suffix
        let alignedA = endA == 0 || a[endA - 1] == ByteScan.newline
        let alignedB = endB == 0 || b[endB - 1] == ByteScan.newline
        if !(alignedA && alignedB) {
            var cursor = endA
            while cursor < a.count && a[cursor] != ByteScan.newline { cursor += 1 }
            let advance = min(cursor + 1, a.count) - endA
            endA += advance
            endB += advance
        }
        // No top-level line may lie in the differing part of either version.
        if oldTopLevel.contains(where: { $0.offset >= start && $0.offset < endA }) { return (.whole, nil) }
        var probe = start
        while probe < endB {
            if ByteScan.isTopLevel(b, at: probe) { return (.whole, nil) }
            guard let next = ByteScan.nextLineStart(b, after: probe) else { break }
            probe = next
        }
        guard let sectionLine = oldTopLevel.last(where: { $0.offset < start }) else { return (.whole, nil) }
        switch sectionLine.section {
        case .numbers: break
        case .ranges, .routing:
            let shift = endB - endA
            return (.outsideNumbers, oldTopLevel.map { $0.offset >= endA ? TopLevelLine(offset: $0.offset + shift, section: $0.section) : $0 })
        case .other: return (.whole, nil)
        }
        // The indentation of the section's items, which must be the same in both versions.
        guard let firstItem = ByteScan.nextLineStart(a, after: sectionLine.offset),
              let indent = itemIndent(a, from: firstItem), itemIndent(b, from: firstItem) == indent else { return (.whole, nil) }
        // Widen backwards to the start of the item holding the first difference ...
        var windowStart = firstItem
        var cursor = start
        while let previous = ByteScan.previousLineStart(a, before: cursor), previous >= firstItem {
            if case .item(let found) = ByteScan.shape(a, at: previous), found == indent {
                windowStart = previous
                break
            }
            cursor = previous
        }
        // ... and forwards, through the identical tail, to the next item or top-level line.
        var windowEndA = a.count
        var scan = endA
        while scan < a.count {
            if ByteScan.isTopLevel(a, at: scan) { windowEndA = scan; break }
            if case .item(let found) = ByteScan.shape(a, at: scan), found == indent { windowEndA = scan; break }
            guard let next = ByteScan.nextLineStart(a, after: scan) else { break }
            scan = next
        }
        let windowEndB = endB + (windowEndA - endA)
        let oldRange = windowStart..<max(windowStart, windowEndA)
        let newRange = windowStart..<max(windowStart, windowEndB)
        if hasUnsafeText(a, oldRange) || hasUnsafeText(b, newRange) { return (.whole, nil) }
        return (.window(old: oldRange, new: newRange), nil)
    }

    /// Indentation of the first content line at or after `position`, when it is a sequence item.
    private static func itemIndent(_ buffer: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
        var cursor = position
        while cursor < buffer.count {
            switch ByteScan.shape(buffer, at: cursor) {
            case .blank:
                guard let next = ByteScan.nextLineStart(buffer, after: cursor) else { return nil }
                cursor = next
            case .item(let indent): return indent
            case .other: return nil
            }
        }
        return nil
    }
}
