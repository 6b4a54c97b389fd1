import Foundation

/// The `Encoder` (and single-value container) behind `JSONBytesEncoder`: it keeps what one value
/// encodes as a `JSONBytesNode`. Nested values borrow one spare encoder instead of allocating one
/// apiece, as `JSONEncoder` does.
final class JSONBytesValueEncoder: Encoder, SingleValueEncodingContainer {
    let arena: JSONBytesArena
    private(set) var parent: JSONBytesValueEncoder?
    private(set) var key: (any CodingKey)?
    private var node: JSONBytesNode?
    private var spare: JSONBytesValueEncoder?

    init(arena: JSONBytesArena, parent: JSONBytesValueEncoder?, key: (any CodingKey)?) {
        self.arena = arena
        self.parent = parent
        self.key = key
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var encoder: JSONBytesValueEncoder? = self
        while let current = encoder, let key = current.key {
            path.append(key)
            encoder = current.parent
        }
        return path.reversed()
    }

    /// What was encoded, taken out (nil when nothing was).
    func takeNode() -> JSONBytesNode? {
        defer { node = nil }
        return node
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONBytesObject
        if case .object(let existing) = node {
            object = existing
        } else {
            object = JSONBytesObject()
            node = .object(object)
        }
        return KeyedEncodingContainer(JSONBytesKeyedContainer<Key>(encoder: self, object: object, nestedPath: []))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: JSONBytesArray
        if case .array(let existing) = node {
            array = existing
        } else {
            array = JSONBytesArray()
            node = .array(array)
        }
        return JSONBytesUnkeyedContainer(encoder: self, array: array, nestedPath: [])
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // MARK: SingleValueEncodingContainer

    func encodeNil() throws { node = .null }
    func encode(_ value: Bool) throws { node = .bool(value) }
    func encode(_ value: String) throws { node = arena.string(value) }
    func encode(_ value: Double) throws { node = try floatingPoint(value, key: nil) }
    func encode(_ value: Float) throws { node = try floatingPoint(value, key: nil) }
    func encode(_ value: Int) throws { node = arena.integer(value) }
    func encode(_ value: Int8) throws { node = arena.integer(value) }
    func encode(_ value: Int16) throws { node = arena.integer(value) }
    func encode(_ value: Int32) throws { node = arena.integer(value) }
    func encode(_ value: Int64) throws { node = arena.integer(value) }
    func encode(_ value: UInt) throws { node = arena.integer(value) }
    func encode(_ value: UInt8) throws { node = arena.integer(value) }
    func encode(_ value: UInt16) throws { node = arena.integer(value) }
    func encode(_ value: UInt32) throws { node = arena.integer(value) }
    func encode(_ value: UInt64) throws { node = arena.integer(value) }
    func encode<Value: Encodable>(_ value: Value) throws { node = try wrap(value) ?? .object(JSONBytesObject()) }

    // MARK: Values

    /// `JSONEncoder`'s refusal of NaN and infinities, with the same message and coding path.
    func floatingPoint<Float: BinaryFloatingPoint & CustomStringConvertible>(_ value: Float, key: (any CodingKey)?) throws -> JSONBytesNode {
        if let node = arena.floatingPoint(value) { return node }
        throw Self.cannotEncode(value, codingPath: codingPath + (key.map { [$0] } ?? []))
    }

    /// Generic over `BinaryFloatingPoint` alone, as `JSONEncoder`'s is: the value is interpolated the
    /// same way (a signaling NaN reads `snan`).
    private static func cannotEncode<Float: BinaryFloatingPoint>(_ value: Float, codingPath: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(value, EncodingError.Context(
            codingPath: codingPath, debugDescription: "Unable to encode \(Float.self).\(value) directly in JSON."))
    }

    /// The node of `value`, encoded by a spare encoder under `key` (by this one without a key);
    /// Foundation's own types as `JSONEncoder`'s default strategies write them.
    func wrap<Value: Encodable>(_ value: Value, key: (any CodingKey)? = nil) throws -> JSONBytesNode? {
        if Value.self == String.self, let string = value as? String { return arena.string(string) }
        if Value.self == Int.self, let integer = value as? Int { return arena.integer(integer) }
        if Value.self == Double.self, let double = value as? Double { return try floatingPoint(double, key: key) }
        if Value.self == Data.self, let data = value as? Data { return arena.string(data.base64EncodedString()) }
        if Value.self == URL.self, let url = value as? URL { return arena.string(url.absoluteString) }
        if Value.self == Decimal.self, let decimal = value as? Decimal { return arena.number(text: decimal.description) }
        guard let key else {
            try value.encode(to: self)
            return takeNode()
        }
        var encoder = borrowSpare(key: key)
        defer { giveBack(&encoder) }
        try value.encode(to: encoder)
        return encoder.takeNode()
    }

    private func borrowSpare(key: any CodingKey) -> JSONBytesValueEncoder {
        guard let encoder = spare else { return JSONBytesValueEncoder(arena: arena, parent: self, key: key) }
        spare = nil
        encoder.parent = self
        encoder.key = key
        return encoder
    }

    private func giveBack(_ encoder: inout JSONBytesValueEncoder) {
        // A container or super encoder still held by the value's code keeps the encoder to itself.
        guard spare == nil, isKnownUniquelyReferenced(&encoder) else { return }
        encoder.parent = nil
        encoder.key = nil
        encoder.node = nil
        spare = encoder
    }
}

/// The key `JSONEncoder` puts in a coding path for an array element or a super encoder, so that an
/// error names the same path (its description prints the type's name).
enum _CodingKey: CodingKey {
    case string(String)
    case index(Int)

    init?(stringValue: String) { self = .string(stringValue) }
    init?(intValue: Int) { self = .index(intValue) }
    init(index: Int) { self = .index(index) }

    static let `super` = _CodingKey.string("super")

    var stringValue: String {
        switch self {
        case .string(let string): string
        case .index(let index): "Index \(index)"
        }
    }

    var intValue: Int? {
        switch self {
        case .string: nil
        case .index(let index): index
        }
    }
}
