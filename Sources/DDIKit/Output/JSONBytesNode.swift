import Foundation

/// One encoded value: a scalar already rendered (quoted and escaped, or a number) into the arena,
/// or a container whose members are rendered when the whole value is written.
enum JSONBytesNode {
    case null
    case bool(Bool)
    /// Bytes `start..<end` of the arena.
    case rendered(start: Int, end: Int)
    case array(JSONBytesArray)
    case object(JSONBytesObject)
    /// What a `superEncoder()` encodes, taken when the whole value is written (`{}` if nothing).
    case deferred(JSONBytesValueEncoder)
}

final class JSONBytesArray {
    var elements: [JSONBytesNode] = []
}

/// Keys in the order they were set; a key set again keeps its last value (as `JSONEncoder`'s
/// dictionary does), which the writer applies when it sorts.
final class JSONBytesObject {
    var keys: [String] = []
    var values: [JSONBytesNode] = []

    func set(_ node: JSONBytesNode, for key: String) {
        keys.append(key)
        values.append(node)
    }

    /// The container last set for `key`, when a nested container is asked for the same key again.
    func lastValue(for key: String) -> JSONBytesNode? {
        guard let index = keys.lastIndex(of: key) else { return nil }
        return values[index]
    }
}

/// The bytes of every scalar, rendered as it is encoded.
final class JSONBytesArena {
    var bytes: [UInt8] = []
    let escapesSlashes: Bool

    init(escapesSlashes: Bool) {
        self.escapesSlashes = escapesSlashes
        bytes.reserveCapacity(1 << 16)
    }

    func string(_ value: String) -> JSONBytesNode {
        let start = bytes.count
        JSONBytesEscaping.appendQuoted(value, to: &bytes, escapesSlashes: escapesSlashes)
        return .rendered(start: start, end: bytes.count)
    }

    func integer<Integer: FixedWidthInteger>(_ value: Integer) -> JSONBytesNode {
        let start = bytes.count
        JSONBytesNumbers.appendInteger(value, to: &bytes)
        return .rendered(start: start, end: bytes.count)
    }

    /// `description`, less a trailing `.0`; nil for NaN and infinities, which JSON cannot hold.
    func floatingPoint<Float: BinaryFloatingPoint & CustomStringConvertible>(_ value: Float) -> JSONBytesNode? {
        let start = bytes.count
        guard JSONBytesNumbers.appendFloatingPoint(value, to: &bytes) else { return nil }
        return .rendered(start: start, end: bytes.count)
    }

    /// A number whose text is given (`Decimal.description`).
    func number(text: String) -> JSONBytesNode {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        return .rendered(start: start, end: bytes.count)
    }
}
