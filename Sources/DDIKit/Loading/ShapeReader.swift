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
    mutating func fields(of node: YAMLNode, allowed: [String], context: String) -> Fields? {
        guard case .mapping(let pairs, _) = node else {
            report("\(context) must be a mapping, found \(node.typeName)", at: node.location)
            return nil
        }
        var fields = Fields(allowed: allowed)
        misspeltKeys = []
        for pair in pairs { place(key: pair.key, value: pair.value, in: &fields, context: context) }
        return fields
    }

    /// Files one key and value of a mapping into `fields`, reporting keys that are not text,
    /// unknown (with a did-you-mean, remembered in `misspeltKeys`) or repeated.
    mutating func place(key keyNode: YAMLNode, value: YAMLNode, in fields: inout Fields, context: String) {
        guard case .scalar(let key) = keyNode else {
            report("\(context) has a key that is \(keyNode.typeName), keys must be text", at: keyNode.location)
            return
        }
        place(scalarKey: key, value: value, in: &fields, context: context)
    }

    /// `place(key:value:in:context:)` for a key already known to be a scalar (the number entries'
    /// streaming decoder builds no node for it).
    mutating func place(scalarKey key: YAMLScalar, value: YAMLNode, in fields: inout Fields, context: String) {
        guard let slot = fields.allowed.firstIndex(of: key.text) else {
            let suggestion = DidYouMean.suggestion(for: key.text, among: fields.allowed)
            if let suggestion { misspeltKeys.insert(suggestion) }
            report("unknown key '\(key.text)' in \(context)\(suggestion.map { " (did you mean '\($0)'?)" } ?? "")", at: key.location)
            return
        }
        if let first = fields.slots[slot].keyLocation {
            report("key '\(key.text)' appears twice in \(context)", at: key.location, related: [RelatedLocation(first, "first here")])
            return
        }
        fields.slots[slot] = Fields.Slot(value: value.isNull ? nil : value, keyLocation: key.location)
    }

    /// The values of one mapping by key; entries have at most twenty keys, so a linear search over the
    /// allowed keys beats hashing.
    struct Fields {
        let allowed: [String]
        /// Per allowed key: its value (nil when absent or empty) and where the key was written.
        var slots: [Slot]

        /// A struct rather than a tuple: arrays of tuples are copied through the runtime's generic
        /// tuple witnesses, a visible share of loading time (README "Performance").
        struct Slot {
            var value: YAMLNode?
            var keyLocation: SourceLocation?
        }

        init(allowed: [String]) {
            self.allowed = allowed
            slots = Array(repeating: Slot(), count: allowed.count)
        }

        subscript(key: String) -> YAMLNode? {
            guard let slot = allowed.firstIndex(of: key) else { return nil }
            return slots[slot].value
        }

        /// Keys written with a value (an empty value counts as absent).
        var writtenKeys: [String] { allowed.indices.filter { slots[$0].value != nil }.map { allowed[$0] } }

        /// Written keys with a value, in the order of `allowed`.
        var presentKeys: [(key: String, value: YAMLNode)] {
            allowed.indices.compactMap { slot in slots[slot].value.map { (allowed[slot], $0) } }
        }
    }

    /// The node is consumed: its text and location move into the result rather than being copied
    /// and the node released (a visible share of loading time, README "Performance").
    mutating func text(_ node: consuming YAMLNode?, key: String) -> Located<String>? {
        switch consume node {
        case nil:
            return nil
        case .scalar(let scalar)?:
            return Located(scalar.text, at: scalar.location)
        case let other?:
            report("'\(key)' must be text, found \(other.typeName)", at: other.location)
            return nil
        }
    }

    mutating func integer(_ node: consuming YAMLNode?, key: String, minimum: Int = Int.min) -> Located<Int>? {
        guard let scalar = text(consume node, key: key) else { return nil }
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

    mutating func decimal(_ node: consuming YAMLNode?, key: String, range: ClosedRange<Double>) -> Located<Double>? {
        guard let scalar = text(consume node, key: key) else { return nil }
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

    mutating func boolean(_ node: consuming YAMLNode?, key: String) -> Located<Bool>? {
        guard let scalar = text(consume node, key: key) else { return nil }
        switch scalar.value {
        case "true", "True", "TRUE": return Located(true, at: scalar.location)
        case "false", "False", "FALSE": return Located(false, at: scalar.location)
        default:
            report("'\(key)' must be true or false, found '\(scalar.value)'", at: scalar.location)
            return nil
        }
    }

    mutating func day(_ node: consuming YAMLNode?, key: String) -> Located<Day>? {
        guard let scalar = text(consume node, key: key) else { return nil }
        guard let day = Day(iso: scalar.value) else {
            report("'\(key)' must be a date YYYY-MM-DD, found '\(scalar.value)'", at: scalar.location)
            return nil
        }
        return Located(day, at: scalar.location)
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: consuming YAMLNode?, key: String, as type: Choice.Type) -> Located<Choice>? where Choice.RawValue == String {
        guard let scalar = text(consume node, key: key) else { return nil }
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

    /// `assigned_to` of a `kind: shared-calling` number: the policy target Teams reports for a
    /// `PolicyAssigned` number, never a UPN.
    mutating func requirePolicyTarget(_ value: Located<String>?, key: String) -> Located<String>? {
        guard let value else { return nil }
        guard Identity.looksLikePolicyTarget(value.value) else {
            report("'\(key)' of a shared-calling number must be a policy target such as TeamsSharedCallingRoutingPolicy|Tag:SC1, found '\(value.value)'", at: value.location)
            return nil
        }
        return value
    }
}

public enum Identity {
    /// `PolicyType|Instance` as Teams reports the target of a `PolicyAssigned` number
    /// (`TeamsSharedCallingRoutingPolicy|Tag:SC1`): a policy type of letters and digits, then an
    /// instance of letters, digits, spaces and `.:_-`, at most 256 characters in all.
    /// https://learn.microsoft.com/microsoftteams/shared-calling-setup
    public static func looksLikePolicyTarget(_ text: String) -> Bool {
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, text.utf8.count <= 256, let first = parts[0].unicodeScalars.first,
              first.isASCII, first.properties.isAlphabetic else { return false }
        let type = parts[0].unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        let instance = !parts[1].isEmpty && parts[1].unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " .:_-".unicodeScalars.contains($0))
        }
        return type && instance
    }

    /// `local@domain` with no spaces or control characters: what Teams accepts as a UPN.
    public static func looksLikeUPN(_ text: String) -> Bool {
        var at = 0, dotAfterAt = false, length = 0, localLength = 0
        for byte in text.utf8 {
            length += 1
            guard byte > 32, byte < 127, !isForbidden(byte) else { return false }
            if byte == UInt8(ascii: "@") {
                at += 1
            } else if at == 0 {
                localLength += 1
            } else if byte == UInt8(ascii: ".") {
                dotAfterAt = true
            }
        }
        return at == 1 && localLength > 0 && dotAfterAt && length <= 256
    }

    /// Characters that never appear in a UPN and that would matter to a shell or PowerShell.
    /// A switch, not a table: a table read per byte was a visible share of loading 100,000 UPNs.
    private static func isForbidden(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "$"), UInt8(ascii: ";"), UInt8(ascii: ","),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"):
            true
        default:
            false
        }
    }

    /// Teams compares UPNs without regard to case.
    public static func normalized(_ upn: String) -> String {
        // One pass: a capital or a non-ASCII byte anywhere means lowercasing.
        upn.utf8.contains { ($0 >= 65 && $0 <= 90) || $0 >= 128 } ? upn.lowercased() : upn
    }
}
