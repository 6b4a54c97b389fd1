/// A range or routing entry added, removed or changed, matched by id.
public struct DefinitionChange: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable { case added, removed, changed }

    public var id: String
    public var kind: Kind
    public var fields: [FieldChange]
    /// `cph-hq: added (+4533121000..+4533121999, operator-connect, TDC Erhverv)`, without the id.
    public var summary: String

    public init(id: String, kind: Kind, fields: [FieldChange], summary: String) {
        self.id = id
        self.kind = kind
        self.fields = fields
        self.summary = summary
    }

    /// Matches `old` and `new` by id (first declaration wins) and describes what differs.
    static func compare(old: [(id: String, fields: [(String, String?)])], new: [(id: String, fields: [(String, String?)])], describe: ([(String, String?)]) -> String) -> [DefinitionChange] {
        var oldByID: [String: [(String, String?)]] = [:]
        for item in old where oldByID[item.id] == nil { oldByID[item.id] = item.fields }
        var newByID: [String: [(String, String?)]] = [:]
        for item in new where newByID[item.id] == nil { newByID[item.id] = item.fields }
        var changes: [DefinitionChange] = []
        for id in Set(oldByID.keys).union(newByID.keys).sorted() {
            switch (oldByID[id], newByID[id]) {
            case (nil, let fields?):
                changes.append(DefinitionChange(id: id, kind: .added, fields: fields.compactMap { name, value in value.map { FieldChange(field: name, before: nil, after: $0) } }, summary: "added (\(describe(fields)))"))
            case (let fields?, nil):
                changes.append(DefinitionChange(id: id, kind: .removed, fields: fields.compactMap { name, value in value.map { FieldChange(field: name, before: $0, after: nil) } }, summary: "removed (was \(describe(fields)))"))
            case (let before?, let after?):
                let differing = zip(before, after).compactMap { lhs, rhs in
                    lhs.1 == rhs.1 ? nil : FieldChange(field: lhs.0, before: lhs.1, after: rhs.1)
                }
                guard !differing.isEmpty else { continue }
                let words = differing.map { change -> String in
                    if change.field == "file" { return "moved from \(change.before ?? "?") to \(change.after ?? "?")" }
                    return "\(change.field) \(change.before ?? "none") → \(change.after ?? "none")"
                }
                changes.append(DefinitionChange(id: id, kind: .changed, fields: differing, summary: words.joined(separator: "; ")))
            case (nil, nil):
                break
            }
        }
        return changes
    }
}

extension NumberRange {
    var comparableFields: [(String, String?)] {
        [
            ("block", span?.value.description ?? blockText?.value), ("source", source?.value.rawValue),
            ("country", country?.value), ("carrier", carrier), ("site", site), ("location_id", locationID),
            ("cost", cost.map { "\($0.perNumberMonth) \($0.currency)/month" }), ("note", note), ("file", location.file),
        ]
    }
}

extension RoutingEntry {
    var comparableFields: [(String, String?)] {
        var fields: [(String, String?)] = [("type", type?.value.rawValue), ("resource_account", resourceAccount?.value)]
        for key in ["business_hours", "after_hours", "holidays", "overflow", "timeout", "no_agents"] {
            fields.append((key, links.first { $0.field == key }?.text.value))
        }
        fields.append(("agents", agents.isEmpty ? nil : "[" + agents.map(\.value).joined(separator: ", ") + "]"))
        fields += [("owner", owner), ("department", department), ("note", note), ("file", location.file)]
        return fields
    }
}
