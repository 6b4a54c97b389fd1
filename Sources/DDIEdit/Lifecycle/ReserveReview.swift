import DDIKit

/// What `ddi reserve` is asked for.
public struct ReservationRequest: Sendable {
    public var span: NumberSpan
    public var until: Day
    public var reason: String
    public var owner: String?
    public var file: String?

    public init(span: NumberSpan, until: Day, reason: String, owner: String? = nil, file: String? = nil) {
        self.span = span
        self.until = until
        self.reason = reason
        self.owner = owner
        self.file = file
    }
}

extension Lifecycle {
    /// Reserves a number or a block (ddi reserve). The numbers must be free: undeclared or declared
    /// `free` (such entries are split around the reservation). Reserving exactly an existing
    /// reservation again changes its `until` and `reason`.
    public static func reserve(_ request: ReservationRequest, in workspace: EditWorkspace) throws -> EditResult {
        let span = request.span
        try requireText(request.reason, "--reason")
        guard request.until >= workspace.today else {
            throw EditError.invalidArgument("--until \(request.until) is in the past (today is \(workspace.today))")
        }
        var batch = EditBatch(workspace)
        let overlapping = workspace.entries(overlapping: span).filter { entry in
            // `;ext=` numbers share their base number: only the same extension or a block collides.
            guard let entrySpan = entry.span else { return false }
            if span.first.phoneExtension != nil, entrySpan.isSingle { return entrySpan.first == span.first }
            return true
        }
        let text = span.description
        if let existing = overlapping.first, overlapping.count == 1, existing.status?.value == .reserved, existing.span == span {
            let node = try batch.node(of: existing)
            try batch.edit(existing.location.file) { editor in
                try editor.set("until", to: .date(request.until), in: node, after: ["status"])
                try editor.set("reason", to: .text(request.reason), in: node, after: ["until", "status"])
                if let owner = request.owner { try editor.set("owner", to: .text(owner), in: node, after: ["reason", "until"]) }
            }
            return try batch.finish(numbers: [text], actions: ["\(text): reservation now runs until \(request.until) (\(existing.location.file))"])
        }
        for entry in overlapping where entry.status?.value != .free {
            throw EditError.wrongStatus(text, "\(entry.text.value) is already declared \(entry.status?.value.rawValue ?? "without status") at \(entry.location); only free numbers can be reserved")
        }
        let range = workspace.range(containing: span)
        if range == nil, workspace.policy.requireRange {
            throw EditError.wrongStatus(text, "not inside any declared range")
        }
        guard let target = request.file ?? range?.location.file ?? overlapping.first?.location.file else {
            throw EditError.invalidArgument("say which file gets the reservation with --file")
        }
        for entry in overlapping {
            guard let entrySpan = entry.span else { continue }
            let lower = max(entrySpan.first.value, span.first.value), upper = min(entrySpan.last.value, span.last.value)
            let digits = span.first.digitCount
            try batch.carve(NumberSpan(first: PhoneNumber(value: lower, digitCount: digits), last: PhoneNumber(value: upper, digitCount: digits)), outOf: entry)
        }
        let (key, value) = EditBatch.spanField(span)
        var fields: [(key: String, value: FieldValue)] = [
            (key, value), ("status", .text(NumberStatus.reserved.rawValue)),
            ("until", .date(request.until)), ("reason", .text(request.reason)),
        ]
        if let owner = request.owner { fields.append(("owner", .text(owner))) }
        try batch.edit(target) { try $0.append([NewEntry(fields)]) }
        return try batch.finish(numbers: [text], actions: ["\(text): reserved until \(request.until) in \(target)"])
    }

    /// Sets `reviewed` to today (ddi review) on the named numbers, or on every assigned number whose
    /// owner is `owner`.
    public static func review(_ numbers: [PhoneNumber], owner: String? = nil, in workspace: EditWorkspace) throws -> EditResult {
        var entries: [NumberEntry] = []
        for number in numbers {
            guard let entry = workspace.entry(number: number) else { throw EditError.unknownNumber(number.description) }
            guard entry.status?.value == .assigned || entry.status?.value == .external else {
                throw EditError.wrongStatus(number.description, "it is \(entry.status?.value.rawValue ?? "without status") at \(entry.location): only assigned and external numbers are reviewed")
            }
            if !entries.contains(where: { $0.location == entry.location }) { entries.append(entry) }
        }
        if let owner {
            let wanted = owner.lowercased()
            let owned = workspace.inventory.numbers.filter {
                ($0.status?.value == .assigned || $0.status?.value == .external) && $0.owner?.value.lowercased() == wanted
            }
            guard !owned.isEmpty else { throw EditError.wrongStatus(owner, "no assigned or external number has this owner") }
            for entry in owned where !entries.contains(where: { $0.location == entry.location }) { entries.append(entry) }
        }
        guard !entries.isEmpty else { throw EditError.invalidArgument("name the numbers to review, or --owner") }
        var batch = EditBatch(workspace)
        let anchors = ["tags", "license", "location_id", "category", "routing", "department", "owner", "assigned_to", "kind", "status"]
        for entry in entries {
            let node = try batch.node(of: entry)
            try batch.edit(entry.location.file) { try $0.set("reviewed", to: .date(workspace.today), in: node, after: anchors) }
        }
        let actions = entries.map { "\($0.text.value): reviewed \(workspace.today) (\($0.location.file))" }
        return try batch.finish(numbers: entries.map(\.text.value), actions: actions)
    }
}
