/// What a `numbers:` entry declares, as plain values: the unit that history, diff and audit compare.
///
/// Two entries are equal when they declare the same thing in the same file; where in the file (line,
/// column) and how it is written (quoting, comments, key order) do not count.
public struct DeclaredEntry: Hashable, Sendable {
    public var path: String
    /// The number or block as written (`+4533121042`, `+4533121100..+4533121149`).
    public var text: String
    public var span: NumberSpan?
    public var isBlock: Bool
    public var status: String?
    public var kind: String?
    public var assignedTo: String?
    public var owner: String?
    public var department: String?
    public var routing: String?
    public var category: String?
    public var locationID: String?
    public var license: String?
    public var tags: [String]
    public var reviewed: Day?
    public var since: Day?
    public var until: Day?
    public var reason: String?
    public var handover: Bool
    public var note: String?
    /// Where the entry starts; not part of equality.
    public var line: Int

    public init(path: String, text: String, span: NumberSpan?, isBlock: Bool, line: Int = 0) {
        self.path = path
        self.text = text
        self.span = span
        self.isBlock = isBlock
        self.tags = []
        self.handover = false
        self.line = line
    }

    public init(_ entry: NumberEntry, path: String? = nil, lineOffset: Int = 0) {
        self.init(
            path: path ?? entry.location.file,
            text: entry.text.value, span: entry.span, isBlock: entry.isBlock,
            line: entry.location.line + lineOffset
        )
        status = entry.status?.value.rawValue
        kind = entry.kind?.value.rawValue
        assignedTo = entry.assignedTo?.value
        owner = entry.owner?.value
        department = entry.department
        routing = entry.routing?.value
        category = entry.category?.value.rawValue
        locationID = entry.locationID
        license = entry.license
        tags = entry.tags
        reviewed = entry.reviewed?.value
        since = entry.since?.value
        until = entry.until?.value
        reason = entry.reason?.value
        handover = entry.handover
        note = entry.note
    }

    /// The identity of the entry across revisions: the canonical number or block.
    public var key: String { span?.description ?? text }

    public var numberStatus: NumberStatus? { status.flatMap(NumberStatus.init(rawValue:)) }

    public func covers(_ number: PhoneNumber) -> Bool {
        guard let span else { return false }
        if number.phoneExtension != nil || span.first.phoneExtension != nil {
            return span.isSingle && span.first == number
        }
        return span.lowerKey <= number.key && number.key <= span.upperKey
    }

    public func overlaps(_ other: DeclaredEntry) -> Bool {
        guard let span, let otherSpan = other.span else { return false }
        if span.first.phoneExtension != nil || otherSpan.first.phoneExtension != nil {
            return span.isSingle && otherSpan.isSingle && span.first == otherSpan.first
        }
        return span.overlaps(otherSpan)
    }

    /// The fields in a fixed order, with values as text; `file` is the path.
    public var fields: [(name: String, value: String?)] {
        [
            ("status", status), ("kind", kind), ("assigned_to", assignedTo), ("owner", owner),
            ("department", department), ("routing", routing), ("category", category),
            ("location_id", locationID), ("license", license),
            ("tags", tags.isEmpty ? nil : "[" + tags.joined(separator: ", ") + "]"),
            ("reviewed", reviewed?.description), ("since", since?.description), ("until", until?.description),
            ("reason", reason), ("handover", handover ? "true" : nil), ("note", note), ("file", path),
        ]
    }

    /// Fields (and the file) that differ from `other`, in field order.
    public func fieldChanges(to other: DeclaredEntry) -> [FieldChange] {
        zip(fields, other.fields).compactMap { mine, theirs in
            mine.value == theirs.value ? nil : FieldChange(field: mine.name, before: mine.value, after: theirs.value)
        }
    }

    /// True when everything but the number or block (and file) is the same.
    public func sameDeclaration(as other: DeclaredEntry) -> Bool {
        fieldChanges(to: other).allSatisfy { $0.field == "file" }
    }

    public static func == (lhs: DeclaredEntry, rhs: DeclaredEntry) -> Bool {
        lhs.path == rhs.path && lhs.text == rhs.text && lhs.isBlock == rhs.isBlock && lhs.status == rhs.status
            && lhs.kind == rhs.kind && lhs.assignedTo == rhs.assignedTo && lhs.owner == rhs.owner
            && lhs.department == rhs.department && lhs.routing == rhs.routing && lhs.category == rhs.category
            && lhs.locationID == rhs.locationID && lhs.license == rhs.license && lhs.tags == rhs.tags
            && lhs.reviewed == rhs.reviewed && lhs.since == rhs.since && lhs.until == rhs.until
            && lhs.reason == rhs.reason && lhs.handover == rhs.handover && lhs.note == rhs.note
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(text)
        hasher.combine(status)
        hasher.combine(assignedTo)
    }
}

/// One field before and after a change.
public struct FieldChange: Hashable, Sendable, Codable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

extension Inventory {
    /// Every number entry as a plain value.
    public var declaredEntries: [DeclaredEntry] {
        files.flatMap { file in file.numbers.map { DeclaredEntry($0, path: file.path) } }
    }
}
