import DDIKit

extension EditBatch {
    /// Takes the numbers `taken` (a contiguous part) out of `entry`, which declares a wider span: the
    /// entry shrinks to what is left, is split in two around a hole, or goes when nothing is left.
    mutating func carve(_ taken: NumberSpan, outOf entry: NumberEntry) throws {
        guard let span = entry.span else { return }
        let node = try node(of: entry)
        var pieces: [NumberSpan] = []
        let digits = span.first.digitCount
        func number(_ value: UInt64) -> PhoneNumber { PhoneNumber(value: value, digitCount: digits) }
        if taken.first.value > span.first.value {
            pieces.append(NumberSpan(first: span.first, last: number(taken.first.value - 1)))
        }
        if taken.last.value < span.last.value {
            pieces.append(NumberSpan(first: number(taken.last.value + 1), last: span.last))
        }
        let spanKey = entry.isBlock ? "block" : "number"
        try edit(entry.location.file) { editor in
            guard let first = pieces.first else {
                try editor.removeEntry(node)
                return
            }
            let (key, value) = Self.spanField(first)
            if key == spanKey {
                try editor.set(key, to: value, in: node)
            } else {
                try editor.replaceKey(spanKey, with: key, value: value, in: node)
            }
            if pieces.count > 1 {
                let (secondKey, secondValue) = Self.spanField(pieces[1])
                try editor.duplicate(node, spanKey: spanKey, newKey: secondKey, value: secondValue)
            }
        }
    }

    /// `number: "+X"` for one number, `block: "+A..+B"` for several.
    static func spanField(_ span: NumberSpan) -> (String, FieldValue) {
        span.isSingle ? ("number", .number(span.first.description)) : ("block", .block("\(span.first)..\(span.last)"))
    }
}

extension Lifecycle {
    /// Parses `+E164` or `+A..+B`.
    public static func parseSpan(_ text: String) throws -> NumberSpan {
        let trimmed = Substring(text)
        if trimmed.contains("..") {
            switch NumberSpan.parseBlock(trimmed) {
            case .success(let span): return span
            case .failure(let error): throw EditError.invalidArgument(error.message)
            }
        }
        return NumberSpan(single: try parseNumber(text))
    }

    public static func parseNumber(_ text: String) throws -> PhoneNumber {
        switch PhoneNumber.parse(Substring(text)) {
        case .success(let number): return number
        case .failure(let error): throw EditError.invalidArgument(error.message)
        }
    }

    /// The most common file among `entries`; ties go to the first path in order.
    static func mostCommonFile(_ entries: [NumberEntry]) -> String? {
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.location.file, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key
    }
}
