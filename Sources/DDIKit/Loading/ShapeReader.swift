/// Reads typed values out of YAML nodes, reporting every shape problem as a DDI001 diagnostic.
/// One reader serves one file, so files can be decoded in parallel.
struct ShapeReader {
    static let ruleID = "DDI001"
    var diagnostics: [Diagnostic] = []
    /// Known keys that the last `fields` call found misspelt: already reported, so not "missing" too.
    var misspeltKeys: Set<String> = []

    mutating func report(_ message: String, at location: SourceLocation, related: [RelatedLocation] = []) {
        diagnostics.append(Diagnostic(ruleID: Self.ruleID, severity: .error, message: message, location: location, related: related))
    }

    /// The pairs of a mapping, with unknown and repeated keys reported. Returns nil (after reporting)
    /// when the node is not a mapping.
    mutating func fields(of node: YAMLNode, allowed: [String], context: String) -> [String: YAMLNode]? {
        guard case .mapping(let pairs, _) = node else {
            report("\(context) must be a mapping, found \(node.typeName)", at: node.location)
            return nil
        }
        var fields: [String: YAMLNode] = [:]
        misspeltKeys = []
        var keyLocations: [String: SourceLocation] = [:]
        for pair in pairs {
            guard case .scalar(let key) = pair.key else {
                report("\(context) has a key that is \(pair.key.typeName), keys must be text", at: pair.key.location)
                continue
            }
            guard allowed.contains(key.text) else {
                let suggestion = DidYouMean.suggestion(for: key.text, among: allowed)
                if let suggestion { misspeltKeys.insert(suggestion) }
                report("unknown key '\(key.text)' in \(context)\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")", at: key.location)
                continue
            }
            if let first = keyLocations[key.text] {
                report("key '\(key.text)' appears twice in \(context)", at: key.location, related: [RelatedLocation(first, "first here")])
                continue
            }
            keyLocations[key.text] = key.location
            if !pair.value.isNull { fields[key.text] = pair.value }
        }
        return fields
    }

    mutating func text(_ node: YAMLNode?, key: String) -> Located<String>? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            report("'\(key)' must be text, found \(node.typeName)", at: node.location)
            return nil
        }
        return Located(scalar.text, at: scalar.location)
    }

    mutating func integer(_ node: YAMLNode?, key: String, minimum: Int = Int.min) -> Located<Int>? {
        guard let scalar = text(node, key: key) else { return nil }
        guard let value = Int(scalar.value) else {
            report("'\(key)' must be a whole number, found '\(scalar.value)'", at: scalar.location)
            return nil
        }
        guard value >= minimum else {
            report("'\(key)' must be at least \(minimum), found \(value)", at: scalar.location)
            return nil
        }
        return Located(value, at: scalar.location)
    }

    mutating func decimal(_ node: YAMLNode?, key: String, range: ClosedRange<Double>) -> Located<Double>? {
        guard let scalar = text(node, key: key) else { return nil }
        guard let value = Double(scalar.value), value.isFinite else {
            report("'\(key)' must be a number, found '\(scalar.value)'", at: scalar.location)
            return nil
        }
        guard range.contains(value) else {
            report("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(scalar.value)", at: scalar.location)
            return nil
        }
        return Located(value, at: scalar.location)
    }

    mutating func boolean(_ node: YAMLNode?, key: String) -> Located<Bool>? {
        guard let scalar = text(node, key: key) else { return nil }
        switch scalar.value {
        case "true", "True", "TRUE": return Located(true, at: scalar.location)
        case "false", "False", "FALSE": return Located(false, at: scalar.location)
        default:
            report("'\(key)' must be true or false, found '\(scalar.value)'", at: scalar.location)
            return nil
        }
    }

    mutating func day(_ node: YAMLNode?, key: String) -> Located<Day>? {
        guard let scalar = text(node, key: key) else { return nil }
        guard let day = Day(iso: scalar.value) else {
            report("'\(key)' must be a date YYYY-MM-DD, found '\(scalar.value)'", at: scalar.location)
            return nil
        }
        return Located(day, at: scalar.location)
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode?, key: String, as type: Choice.Type) -> Located<Choice>? where Choice.RawValue == String {
        guard let scalar = text(node, key: key) else { return nil }
        guard let value = Choice(rawValue: scalar.value) else {
            let names = Choice.allCases.map(\.rawValue)
            let hint = DidYouMean.suggestion(for: scalar.value, among: names).map { "did you mean '\($0)'? " } ?? ""
            report("'\(key)' has unknown value '\(scalar.value)' (\(hint)expected one of: \(names.joined(separator: ", ")))", at: scalar.location)
            return nil
        }
        return Located(value, at: scalar.location)
    }

    mutating func textList(_ node: YAMLNode?, key: String) -> [Located<String>] {
        guard let node else { return [] }
        guard case .sequence(let items, _) = node else {
            report("'\(key)' must be a list, found \(node.typeName)", at: node.location)
            return []
        }
        return items.compactMap { text($0, key: key) }
    }

    /// A required identifier: `[a-z0-9][a-z0-9._-]*`, at most 64 characters.
    mutating func identifier(_ node: YAMLNode?, key: String, context: String, at entryLocation: SourceLocation) -> Located<String>? {
        guard let node else {
            report("\(context) is missing required key '\(key)'", at: entryLocation)
            return nil
        }
        guard let value = text(node, key: key) else { return nil }
        guard RoutingTarget.isIdentifier(value.value) else {
            report("'\(key)' '\(value.value)' must be lowercase letters, digits, '.', '_' or '-' (at most 64)", at: value.location)
            return nil
        }
        return value
    }

    mutating func requireUPN(_ value: Located<String>?, key: String) -> Located<String>? {
        guard let value else { return nil }
        guard Identity.looksLikeUPN(value.value) else {
            report("'\(key)' must be a Teams identity (user principal name such as name@contoso.com), found '\(value.value)'", at: value.location)
            return nil
        }
        return value
    }
}

public enum Identity {
    /// `local@domain` with no spaces or control characters: what Teams accepts as a UPN.
    public static func looksLikeUPN(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.utf8.count <= 256 else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.value > 32 && scalar.value < 127 && !"\"'`$;,()<>[]\\{}|".unicodeScalars.contains(scalar)
        }
    }

    /// Teams compares UPNs without regard to case.
    public static func normalized(_ upn: String) -> String { upn.lowercased() }
}
