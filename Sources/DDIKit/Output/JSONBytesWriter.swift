/// Writes encoded nodes as `JSONEncoder`'s writer does: keys sorted by their UTF-8 bytes, pretty
/// printing with two spaces per level and `" : "`, nesting refused beyond 512 levels.
struct JSONBytesWriter {
    private static let maximumDepth = 512

    private let arena: [UInt8]
    private let prettyPrinted: Bool
    private let escapesSlashes: Bool
    private var indent = 0
    private(set) var output: [UInt8] = []
    /// The last few key lists and their written order: objects of one type set the same keys in the
    /// same order, and sorting them again for each of 100,000 objects was most of the writing.
    private var recentOrders: [(keys: [String], order: [(key: Int, value: Int)])] = []

    init(arena: [UInt8], prettyPrinted: Bool, escapesSlashes: Bool) {
        self.arena = arena
        self.prettyPrinted = prettyPrinted
        self.escapesSlashes = escapesSlashes
        // Scalars are most of the text; indentation and keys add about as much again.
        output.reserveCapacity(arena.count * 2 + 64)
    }

    /// False when the value nests deeper than `JSONEncoder` writes.
    mutating func write(_ node: JSONBytesNode) -> Bool {
        write(node, depth: 0)
    }

    private mutating func write(_ node: JSONBytesNode, depth: Int) -> Bool {
        switch node {
        case .null: output.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        case .bool(let value): output.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        case .rendered(let start, let end): output.append(contentsOf: arena[start..<end])
        case .array(let array): return write(array.elements, depth: depth + 1)
        case .object(let object): return write(object, depth: depth + 1)
        case .deferred(let encoder): return write(encoder.takeNode() ?? .object(JSONBytesObject()), depth: depth)
        }
        return true
    }

    private mutating func write(_ elements: [JSONBytesNode], depth: Int) -> Bool {
        guard depth < Self.maximumDepth else { return false }
        output.append(UInt8(ascii: "["))
        if prettyPrinted {
            output.append(UInt8(ascii: "\n"))
            indent += 1
        }
        for (offset, element) in elements.enumerated() {
            if offset > 0 {
                output.append(UInt8(ascii: ","))
                if prettyPrinted { output.append(UInt8(ascii: "\n")) }
            }
            if prettyPrinted { writeIndent() }
            guard write(element, depth: depth) else { return false }
        }
        close(with: UInt8(ascii: "]"))
        return true
    }

    private mutating func write(_ object: JSONBytesObject, depth: Int) -> Bool {
        guard depth < Self.maximumDepth else { return false }
        let order = memoizedOrder(object.keys)
        output.append(UInt8(ascii: "{"))
        if prettyPrinted {
            output.append(UInt8(ascii: "\n"))
            indent += 1
            if !order.isEmpty { writeIndent() }
        }
        for (offset, member) in order.enumerated() {
            if offset > 0 {
                output.append(UInt8(ascii: ","))
                if prettyPrinted {
                    output.append(UInt8(ascii: "\n"))
                    writeIndent()
                }
            }
            JSONBytesEscaping.appendQuoted(object.keys[member.key], to: &output, escapesSlashes: escapesSlashes)
            if prettyPrinted {
                output.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
            } else {
                output.append(UInt8(ascii: ":"))
            }
            guard write(object.values[member.value], depth: depth) else { return false }
        }
        close(with: UInt8(ascii: "}"))
        return true
    }

    /// Ends an array or object: pretty printing puts the closing bracket on a line of its own.
    private mutating func close(with bracket: UInt8) {
        if prettyPrinted {
            output.append(UInt8(ascii: "\n"))
            indent -= 1
            writeIndent()
        }
        output.append(bracket)
    }

    private mutating func writeIndent() {
        JSONBytesEscaping.appendIndent(level: indent, to: &output)
    }

    private mutating func memoizedOrder(_ keys: [String]) -> [(key: Int, value: Int)] {
        for (index, recent) in recentOrders.enumerated() where Self.sameBytes(recent.keys, keys) {
            if index > 0 { recentOrders.swapAt(index, index - 1) }
            return recent.order
        }
        let order = Self.sortedUniqueOrder(keys)
        if recentOrders.count == 8 { recentOrders.removeLast() }
        recentOrders.insert((keys, order), at: recentOrders.count / 2)
        return order
    }

    /// Equal key lists byte for byte (`==` on strings compares canonical equivalence, not bytes).
    private static func sameBytes(_ a: [String], _ b: [String]) -> Bool {
        guard a.count == b.count else { return false }
        for (left, right) in zip(a, b) where !left.utf8.elementsEqual(right.utf8) { return false }
        return true
    }

    /// Which key and which value to write, in order: `JSONEncoder` keeps an object in a Swift
    /// dictionary (a key set again, or a canonically equivalent one, keeps the key first set and the
    /// value last set), then sorts its keys by their UTF-8 bytes.
    static func sortedUniqueOrder(_ keys: [String]) -> [(key: Int, value: Int)] {
        guard keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return sortedCanonicalOrder(keys) }
        if isStrictlyAscending(keys) { return keys.indices.map { ($0, $0) } }
        // ASCII: equal means equal bytes, so the last of a run of equal keys has the last value.
        let sorted = keys.indices.sorted { left, right in
            let a = keys[left].utf8, b = keys[right].utf8
            if a.elementsEqual(b) { return left < right }
            return a.lexicographicallyPrecedes(b)
        }
        var order: [(key: Int, value: Int)] = []
        order.reserveCapacity(sorted.count)
        for index in sorted {
            if let last = order.last, keys[last.key].utf8.elementsEqual(keys[index].utf8) {
                order[order.count - 1].value = index
            } else {
                order.append((index, index))
            }
        }
        return order
    }

    private static func sortedCanonicalOrder(_ keys: [String]) -> [(key: Int, value: Int)] {
        var groups: [String: Int] = [:]
        var order: [(key: Int, value: Int)] = []
        for (index, key) in keys.enumerated() {
            if let group = groups[key] {
                order[group].value = index
            } else {
                groups[key] = order.count
                order.append((index, index))
            }
        }
        return order.sorted { keys[$0.key].utf8.lexicographicallyPrecedes(keys[$1.key].utf8) }
    }

    private static func isStrictlyAscending(_ keys: [String]) -> Bool {
        var previous: String?
        for key in keys {
            if let previous, !previous.utf8.lexicographicallyPrecedes(key.utf8) { return false }
            previous = key
        }
        return true
    }
}
