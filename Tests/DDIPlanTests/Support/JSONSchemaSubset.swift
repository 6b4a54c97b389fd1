import Foundation

/// Checks JSON values against the subset of JSON Schema 2020-12 that schema/plan.schema.json uses
/// (type, const, enum, required, properties, additionalProperties: false, items, minItems,
/// uniqueItems, minLength, minimum, pattern, oneOf, allOf with if/then, local $ref), so the Swift
/// tests check the plan JSON without a network or a Python toolchain. scripts/check-plan-schema.sh
/// runs the full check-jsonschema validator over the same schema.
struct JSONSchemaSubset {
    let root: [String: Any]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        root = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func problems(in value: Any) -> [String] {
        var found: [String] = []
        check(value, against: root, at: "$", into: &found)
        return found
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
        let name = String(ref.dropFirst("#/$defs/".count))
        let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        var merged = resolve(target)
        for (key, value) in schema where key != "$ref" { merged[key] = value }
        return merged
    }

    private func check(_ value: Any, against rawSchema: [String: Any], at path: String, into found: inout [String]) {
        let schema = resolve(rawSchema)
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) {
                found.append("\(path): expected \(allowed), found \(value)")
                return
            }
        }
        if let constant = schema["const"], !equal(value, constant) { found.append("\(path): expected \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equal(value, $0) }) {
            found.append("\(path): \(value) is not one of \(options)")
        }
        if let text = value as? String {
            if let minimum = schema["minLength"] as? Int, text.count < minimum { found.append("\(path): too short") }
            if let pattern = schema["pattern"] as? String,
               text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
        if let number = value as? Int, let minimum = schema["minimum"] as? Int, number < minimum {
            found.append("\(path): \(number) < \(minimum)")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path): missing \(key)")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                if let property = properties[key] as? [String: Any] {
                    check(item, against: property, at: "\(path).\(key)", into: &found)
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): unexpected property \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { found.append("\(path): fewer than \(minimum) items") }
            if schema["uniqueItems"] as? Bool == true, Set(array.map { "\($0)" }).count != array.count { found.append("\(path): duplicate items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &found) }
            }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { option in
                var local: [String] = []
                check(value, against: option, at: path, into: &local)
                return local.isEmpty
            }
            if passing.count != 1 { found.append("\(path): matches \(passing.count) of oneOf, expected exactly 1") }
        }
        for part in schema["allOf"] as? [[String: Any]] ?? [] {
            if let condition = part["if"] as? [String: Any], let then = part["then"] as? [String: Any] {
                var local: [String] = []
                check(value, against: condition, at: path, into: &local)
                if local.isEmpty { check(value, against: then, at: path, into: &found) }
            } else {
                check(value, against: part, at: path, into: &found)
            }
        }
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "integer": return !(value is String) && (value as? Int) != nil
        case "number": return !(value is String) && (value as? Double) != nil
        case "boolean": return value is Bool
        default: return false
        }
    }

    private func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        if let a = lhs as? String, let b = rhs as? String { return a == b }
        if let a = lhs as? Int, let b = rhs as? Int, !(lhs is String), !(rhs is String) { return a == b }
        return false
    }
}
