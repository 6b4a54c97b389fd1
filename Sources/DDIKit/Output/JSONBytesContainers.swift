import Foundation

/// A JSON object being encoded. Errors name the path as `JSONEncoder`'s do: the encoder's path and
/// the key (a nested container's own keys are in `codingPath` only).
struct JSONBytesKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONBytesValueEncoder
    let object: JSONBytesObject
    let nestedPath: [any CodingKey]

    var codingPath: [any CodingKey] { encoder.codingPath + nestedPath }

    private var arena: JSONBytesArena { encoder.arena }

    mutating func encodeNil(forKey key: Key) throws { object.set(.null, for: key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.set(.bool(value), for: key.stringValue) }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(arena.string(value), for: key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(try encoder.floatingPoint(value, key: key), for: key.stringValue)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(try encoder.floatingPoint(value, key: key), for: key.stringValue)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(arena.integer(value), for: key.stringValue) }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        object.set(try encoder.wrap(value, key: key) ?? .object(JSONBytesObject()), for: key.stringValue)
    }

    /// The same key asked again for an object goes on filling the object it already has.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let name = key.stringValue
        let nested: JSONBytesObject
        if case .object(let existing)? = object.lastValue(for: name) {
            nested = existing
        } else {
            nested = JSONBytesObject()
            object.set(.object(nested), for: name)
        }
        return KeyedEncodingContainer(JSONBytesKeyedContainer<NestedKey>(encoder: encoder, object: nested, nestedPath: nestedPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let name = key.stringValue
        let nested: JSONBytesArray
        if case .array(let existing)? = object.lastValue(for: name) {
            nested = existing
        } else {
            nested = JSONBytesArray()
            object.set(.array(nested), for: name)
        }
        return JSONBytesUnkeyedContainer(encoder: encoder, array: nested, nestedPath: nestedPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(key: _CodingKey.super) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(key: key) }

    private func superEncoder(key: any CodingKey) -> any Encoder {
        let superEncoder = JSONBytesValueEncoder(arena: arena, parent: encoder, key: key)
        object.set(.deferred(superEncoder), for: key.stringValue)
        return superEncoder
    }
}

/// A JSON array being encoded; an element's path ends in `Index <n>`, as `JSONEncoder`'s does.
struct JSONBytesUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONBytesValueEncoder
    let array: JSONBytesArray
    let nestedPath: [any CodingKey]

    var codingPath: [any CodingKey] { encoder.codingPath + nestedPath }
    var count: Int { array.elements.count }

    private var arena: JSONBytesArena { encoder.arena }

    mutating func encodeNil() throws { array.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { array.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.elements.append(arena.string(value)) }
    mutating func encode(_ value: Double) throws {
        array.elements.append(try encoder.floatingPoint(value, key: _CodingKey(index: count)))
    }
    mutating func encode(_ value: Float) throws {
        array.elements.append(try encoder.floatingPoint(value, key: _CodingKey(index: count)))
    }
    mutating func encode(_ value: Int) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: Int8) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: Int16) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: Int32) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: Int64) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: UInt) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: UInt8) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: UInt16) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: UInt32) throws { array.elements.append(arena.integer(value)) }
    mutating func encode(_ value: UInt64) throws { array.elements.append(arena.integer(value)) }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        array.elements.append(try encoder.wrap(value, key: _CodingKey(index: count)) ?? .object(JSONBytesObject()))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONBytesObject()
        let index = count
        array.elements.append(.object(nested))
        return KeyedEncodingContainer(JSONBytesKeyedContainer<NestedKey>(encoder: encoder, object: nested, nestedPath: nestedPath + [_CodingKey(index: index)]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONBytesArray()
        let index = count
        array.elements.append(.array(nested))
        return JSONBytesUnkeyedContainer(encoder: encoder, array: nested, nestedPath: nestedPath + [_CodingKey(index: index)])
    }

    mutating func superEncoder() -> any Encoder {
        let superEncoder = JSONBytesValueEncoder(arena: arena, parent: encoder, key: _CodingKey(index: count))
        array.elements.append(.deferred(superEncoder))
        return superEncoder
    }
}
