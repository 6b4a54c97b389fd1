import DDITestSupport
import Foundation

/// Values for `JSONBytesEncoderDifferentialTests`: every container path of the `Encoder` API.

struct NumberBox: Encodable {
    var int: Int = 0
    var int8: Int8 = 0
    var int16: Int16 = 0
    var int32: Int32 = 0
    var int64: Int64 = 0
    var uint: UInt = 0
    var uint8: UInt8 = 0
    var uint16: UInt16 = 0
    var uint32: UInt32 = 0
    var uint64: UInt64 = 0
    var double: Double = 0
    var float: Float = 0
}

struct Nested: Encodable {
    struct Inner: Encodable { var values: [Double] }
    var inner: Inner
}

struct Optionals: Encodable {
    var present: String?
    var absent: String?
    var explicitNull: String?

    enum CodingKeys: String, CodingKey { case present, absent, explicitNull = "explicit_null" }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(present, forKey: .present)
        try container.encodeIfPresent(absent, forKey: .absent)
        try container.encode(explicitNull, forKey: .explicitNull)
    }
}

struct EncodesNothing: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// A key set twice keeps its last value; a nested container asked again for a key goes on filling it.
struct DuplicateKeys: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(1, forKey: DynamicKey("b"))
        try container.encode("first", forKey: DynamicKey("a"))
        try container.encode(2, forKey: DynamicKey("b"))
        try container.encode("second", forKey: DynamicKey("a"))
        try container.encodeNil(forKey: DynamicKey("c"))
        try container.encode(true, forKey: DynamicKey("c"))
        var again = encoder.container(keyedBy: DynamicKey.self)
        try again.encode(3, forKey: DynamicKey("d"))
    }
}

struct NestedReuse: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        var first = container.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey("o"))
        try first.encode(1, forKey: DynamicKey("x"))
        var second = container.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey("o"))
        try second.encode(2, forKey: DynamicKey("y"))
        var list = container.nestedUnkeyedContainer(forKey: DynamicKey("l"))
        try list.encode(1)
        var listAgain = container.nestedUnkeyedContainer(forKey: DynamicKey("l"))
        try listAgain.encode(2)
        var unkeyed = container.nestedUnkeyedContainer(forKey: DynamicKey("u"))
        var inner = unkeyed.nestedContainer(keyedBy: DynamicKey.self)
        try inner.encode("v", forKey: DynamicKey("k"))
        var innerList = unkeyed.nestedUnkeyedContainer()
        try innerList.encode(contentsOf: [3, 4])
        try unkeyed.encode(Float(2.5))
    }
}

struct SuperEncoding: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(1, forKey: DynamicKey("own"))
        try ["p": 2].encode(to: container.superEncoder())
        try "named".encode(to: container.superEncoder(forKey: DynamicKey("named")))
        _ = container.superEncoder(forKey: DynamicKey("empty"))
        var list = container.nestedUnkeyedContainer(forKey: DynamicKey("list"))
        try list.encode(1)
        try [9].encode(to: list.superEncoder())
        try list.encode(2)
    }
}

struct SingleValueWrapper: Encodable {
    var inner: Nested
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(inner)
    }
}

/// Canonically equivalent keys are one key to `JSONEncoder`'s dictionary: the first spelling, the last value.
struct CanonicalKeys: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(1, forKey: DynamicKey("e\u{301}"))
        try container.encode(2, forKey: DynamicKey("é"))
        try container.encode(3, forKey: DynamicKey("a"))
        try container.encode(4, forKey: DynamicKey("Å"))
        try container.encode(5, forKey: DynamicKey("A\u{30A}"))
    }
}

struct Deep: Encodable {
    var depth: Int
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for _ in 1..<depth { container = container.nestedUnkeyedContainer() }
        try container.encode(1)
    }
}

/// Any JSON value; objects keep their keys as given, duplicates included.
indirect enum GeneratedJSON: Codable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([GeneratedJSON])
    case object([(String, GeneratedJSON)])

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: DynamicKey.self) {
            self = .object(try container.allKeys.map { ($0.stringValue, try container.decode(GeneratedJSON.self, forKey: $0)) })
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [GeneratedJSON] = []
            while !container.isAtEnd { elements.append(try container.decode(GeneratedJSON.self)) }
            self = .array(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int64.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value): try value.encode(to: encoder)
        case .int(let value): try value.encode(to: encoder)
        case .double(let value): try value.encode(to: encoder)
        case .string(let value): try value.encode(to: encoder)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let members):
            var container = encoder.keyedContainer()
            for (key, value) in members { try container.encode(value, forKey: DynamicKey(key)) }
        }
    }

    static let keys = ["id", "name", "a", "b", "B", "_x", "x_", "10", "9", "é", "e\u{301}", "😀", "a/b", "\"q\"", "\\", "\n", "", "z", "Index 0", "super"]

    static func random(depth: Int, using generator: inout SeededGenerator) -> GeneratedJSON {
        let choice = depth > 4 ? Int.random(in: 0..<5, using: &generator) : Int.random(in: 0..<8, using: &generator)
        switch choice {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int64(bitPattern: generator.next()) >> UInt64.random(in: 0..<64, using: &generator))
        case 3:
            let double = Double(bitPattern: generator.next())
            return .double(double.isFinite ? double : Double(Int.random(in: -1000...1000, using: &generator)) / 7)
        case 4: return .string(randomString(using: &generator))
        case 5, 6 where depth <= 4:
            return .array((0..<Int.random(in: 0..<5, using: &generator)).map { _ in random(depth: depth + 1, using: &generator) })
        default:
            return .object((0..<Int.random(in: 0..<6, using: &generator)).map { _ in
                (Bool.random(using: &generator) ? keys.randomElement(using: &generator) ?? "" : randomString(using: &generator),
                 random(depth: depth + 1, using: &generator))
            })
        }
    }

    static func randomString(using generator: inout SeededGenerator) -> String {
        let pieces = ["a", "Z", "0", " ", "/", "\"", "\\", "\u{0}", "\u{1F}", "\u{7F}", "é", "\u{301}", "😀", "\t", "\n", "\u{2028}", "ﬀ", "中"]
        return String((0..<Int.random(in: 0..<12, using: &generator)).compactMap { _ in pieces.randomElement(using: &generator) }.joined())
    }
}

private extension Encoder {
    func keyedContainer() -> KeyedEncodingContainer<DynamicKey> { container(keyedBy: DynamicKey.self) }
}
