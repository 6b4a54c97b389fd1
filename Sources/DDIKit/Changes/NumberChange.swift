/// What kind of change happened to a number, for grouping and for machines (JSON).
public enum NumberChangeKind: String, Sendable, Codable, CaseIterable, Comparable {
    case assigned, reassigned, released, reserved, freed, retired, external
    case ownerChanged = "owner-changed"
    case routingChanged = "routing-changed"
    case reviewed, moved
    case blockSplit = "block-split"
    case blockMerged = "block-merged"
    case declared, removed, changed

    public static func < (lhs: NumberChangeKind, rhs: NumberChangeKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// One change to a number or block, in plain words and as fields before → after.
public struct NumberChange: Hashable, Sendable {
    /// The number or block the change is about (the old block for a split).
    public var subject: String
    public var kinds: [NumberChangeKind]
    /// `+4533121042: free → assigned to anna.jensen@contoso.com (Sales)` without the subject.
    public var summary: String
    public var fields: [FieldChange]
    public var before: DeclaredEntry?
    public var after: DeclaredEntry?
    /// For a block split or merge: the entries on the other side.
    public var parts: [String]

    public init(subject: String, kinds: [NumberChangeKind], summary: String, fields: [FieldChange], before: DeclaredEntry?, after: DeclaredEntry?, parts: [String] = []) {
        self.subject = subject
        self.kinds = kinds
        self.summary = summary
        self.fields = fields
        self.before = before
        self.after = after
        self.parts = parts
    }

    public var sortKey: UInt64 { (before?.span ?? after?.span)?.lowerKey ?? 0 }

    /// Describes one entry before and after (either may be nil: not declared).
    public static func describe(before: DeclaredEntry?, after: DeclaredEntry?) -> NumberChange {
        let subject = after?.key ?? before?.key ?? "?"
        var fields: [FieldChange]
        switch (before, after) {
        case (let b?, let a?): fields = b.fieldChanges(to: a)
        case (nil, let a?): fields = a.fields.compactMap { field in field.value.map { FieldChange(field: field.name, before: nil, after: $0) } }
        case (let b?, nil): fields = b.fields.compactMap { field in field.value.map { FieldChange(field: field.name, before: $0, after: nil) } }
        case (nil, nil): fields = []
        }
        if let b = before, let a = after, b.text != a.text {
            fields.insert(FieldChange(field: before?.isBlock == true ? "block" : "number", before: b.text, after: a.text), at: 0)
        }
        let (kinds, summary) = words(before: before, after: after, fields: fields)
        return NumberChange(subject: subject, kinds: kinds, summary: summary, fields: fields, before: before, after: after)
    }

    static func words(before: DeclaredEntry?, after: DeclaredEntry?, fields: [FieldChange]) -> ([NumberChangeKind], String) {
        let oldStatus = before?.numberStatus
        let newStatus = after?.numberStatus
        var kinds: [NumberChangeKind] = []
        var phrases: [String] = []
        let assigneeChanged = oldStatus == .assigned && newStatus == .assigned
            && before?.assignedTo?.lowercased() != after?.assignedTo?.lowercased()
        if after == nil {
            phrases.append("\(state(before)) → no longer declared (free)")
            kinds.append(oldStatus == .assigned ? .released : .removed)
        } else if before == nil && newStatus == .free {
            phrases.append("declared free")
            kinds.append(.declared)
        } else if oldStatus != newStatus || assigneeChanged || (before == nil) {
            phrases.append("\(state(before)) → \(state(after))")
            if newStatus == .assigned && oldStatus != .assigned { kinds.append(.assigned) }
            if assigneeChanged { kinds.append(.reassigned) }
            if oldStatus == .assigned && newStatus != .assigned { kinds.append(.released) }
            if newStatus == .reserved && oldStatus != .reserved { kinds.append(.reserved) }
            if newStatus == .free && oldStatus != .free && oldStatus != .assigned { kinds.append(.freed) }
            if newStatus == .retired { kinds.append(.retired) }
            if newStatus == .external { kinds.append(.external) }
            if kinds.isEmpty { kinds.append(before == nil ? .declared : .changed) }
        }
        // The status phrase already names these.
        var covered: Set<String> = ["status", "number", "block"]
        if !phrases.isEmpty && after != nil {
            switch newStatus {
            case .assigned?: covered.formUnion(["assigned_to", "department"])
            case .reserved?: covered.formUnion(["until", "reason"])
            case .quarantine?: covered.insert("since")
            default: break
            }
        }
        if before == nil || after == nil { covered.formUnion(fields.map(\.field)) }
        if oldStatus != newStatus {
            // Fields that come or go with the status are part of the status change.
            for change in fields where change.before == nil || change.after == nil { covered.insert(change.field) }
            covered.formUnion(["kind", "license", "tags", "reviewed", "category", "location_id", "note"])
        }
        for change in fields where !covered.contains(change.field) {
            switch change.field {
            case "file":
                phrases.append("moved from \(change.before ?? "?") to \(change.after ?? "?")")
                kinds.append(.moved)
            case "owner":
                phrases.append("owner \(change.before ?? "none") → \(change.after ?? "none")")
                kinds.append(.ownerChanged)
            case "routing":
                phrases.append("routing \(change.before ?? "none") → \(change.after ?? "none")")
                kinds.append(.routingChanged)
            case "reviewed":
                phrases.append(change.before.map { "reviewed \(change.after ?? "never") (was \($0))" } ?? "reviewed \(change.after ?? "never")")
                kinds.append(.reviewed)
            case "note", "tags":
                phrases.append(change.after == nil ? "\(change.field) removed" : "\(change.field) \(change.before == nil ? "added" : "changed"): \(change.after ?? "")")
                if !kinds.contains(.changed) { kinds.append(.changed) }
            default:
                phrases.append("\(change.field) \(change.before ?? "none") → \(change.after ?? "none")")
                if !kinds.contains(.changed) { kinds.append(.changed) }
            }
        }
        if let b = before, let a = after, b.text != a.text, b.key == a.key {
            phrases.append("rewritten as \(a.text)")
        }
        if phrases.isEmpty {
            phrases.append("unchanged")
            kinds.append(.changed)
        }
        return (kinds, phrases.joined(separator: "; "))
    }

    /// A number's state in a few words: `assigned to anna.jensen@contoso.com (Sales)`.
    public static func state(_ entry: DeclaredEntry?) -> String {
        guard let entry else { return "free" }
        switch entry.numberStatus {
        case .assigned?:
            let who = entry.assignedTo ?? "nobody"
            let unit = entry.department ?? (entry.owner != entry.assignedTo ? entry.owner : nil)
            return "assigned to \(who)" + (unit.map { " (\($0))" } ?? "")
        case .reserved?:
            var text = "reserved"
            if let until = entry.until { text += " until \(until)" }
            if let reason = entry.reason { text += " (\(reason))" }
            return text
        case .quarantine?:
            return entry.since.map { "quarantine since \($0)" } ?? "quarantine"
        case .free?: return "free"
        case .retired?: return "retired"
        case .external?: return "external" + (entry.kind.map { " (\($0))" } ?? "")
        case nil: return entry.status.map { "status \($0)" } ?? "no status"
        }
    }
}
