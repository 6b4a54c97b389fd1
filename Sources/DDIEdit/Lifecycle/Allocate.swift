import DDIKit
import Foundation

/// What `ddi allocate` is asked for.
public struct AllocationRequest: Sendable {
    public var rangeID: String
    public var count: Int
    public var assignedTo: String
    public var kind: NumberKind
    public var owner: String
    public var department: String?
    public var category: AssignmentCategory?
    public var note: String?
    /// The file to add the entries to; by default the file that already holds the range's numbers of
    /// the same department, else of the range, else the file declaring the range.
    public var file: String?
    /// The routing entry (auto attendant or call queue) the numbers serve: written as `routing:`.
    public var routing: String?
    /// The numbers the tenant holds and has not assigned, from a live snapshot; nil when none was
    /// read. Calling Plan and Operator Connect numbers exist only once the tenant holds them, so
    /// from such a range only these are taken (Direct Routing numbers are never in the tenant's list).
    public var tenantHolds: Set<PhoneNumber>?

    public init(rangeID: String, count: Int = 1, assignedTo: String, kind: NumberKind, owner: String,
                department: String? = nil, category: AssignmentCategory? = nil, note: String? = nil, file: String? = nil,
                routing: String? = nil, tenantHolds: Set<PhoneNumber>? = nil) {
        self.routing = routing
        self.tenantHolds = tenantHolds
        self.rangeID = rangeID
        self.count = count
        self.assignedTo = assignedTo
        self.kind = kind
        self.owner = owner
        self.department = department
        self.category = category
        self.note = note
        self.file = file
    }
}

extension Lifecycle {
    public static let maximumAllocation = 10_000

    /// Takes the lowest free numbers of a range: numbers no entry declares, explicit `free` entries and
    /// quarantines that are over. Never numbers in quarantine, reserved, external or retired.
    public static func allocate(_ request: AllocationRequest, in workspace: EditWorkspace) throws -> EditResult {
        guard request.count >= 1, request.count <= maximumAllocation else {
            throw EditError.invalidArgument("--count must be between 1 and \(maximumAllocation), found \(request.count)")
        }
        guard Identity.looksLikeUPN(request.assignedTo) else {
            throw EditError.invalidArgument("--assigned-to must be a Teams identity (name@contoso.com), found '\(request.assignedTo)'")
        }
        try requireText(request.owner, "--owner")
        let range = try workspace.range(id: request.rangeID)
        guard let span = range.span?.value else {
            throw EditError.invalidArgument("range \(request.rangeID) has no valid block; fix it first (ddi validate)")
        }
        if let routing = request.routing { try checkRouting(routing, for: request, in: workspace) }
        let numbers = workspace.inventory.numbers
        var runs = FreeNumbers.runs(in: span, numbers: numbers, policy: workspace.policy, today: workspace.today)
        if let held = request.tenantHolds, let source = range.source?.value, source != .directRouting {
            let free = FreeNumbers.count(runs)
            runs = FreeNumbers.restrict(runs, to: held, digitCount: span.first.digitCount)
            if FreeNumbers.count(runs) == 0, free > 0 {
                throw EditError.wrongStatus("range \(request.rangeID)", "its \(free) free number\(free == 1 ? " is" : "s are") not held by the tenant (\(source.rawValue) numbers must be acquired in Teams first; the snapshot has none of them unassigned)")
            }
        }
        let available = FreeNumbers.count(runs)
        if available == 0 { throw EditError.rangeFull(request.rangeID) }
        if available < UInt64(request.count) { throw EditError.notEnoughFree(request.rangeID, request.count, available) }

        var batch = EditBatch(workspace)
        var taken: [PhoneNumber] = []
        var remaining = UInt64(request.count)
        for run in runs where remaining > 0 {
            let take = min(remaining, run.count)
            let piece = NumberSpan(first: PhoneNumber(value: run.first, digitCount: span.first.digitCount),
                                   last: PhoneNumber(value: run.first + take - 1, digitCount: span.first.digitCount))
            if let index = run.entryIndex { try batch.carve(piece, outOf: numbers[index]) }
            for value in piece.first.value...piece.last.value {
                taken.append(PhoneNumber(value: value, digitCount: span.first.digitCount))
            }
            remaining -= take
        }
        let target = try request.file ?? targetFile(for: request, range: range, span: span, workspace: workspace)
        let entries = taken.map { number -> NewEntry in
            var fields: [(key: String, value: FieldValue)] = [
                ("number", .number(number.description)),
                ("status", .text(NumberStatus.assigned.rawValue)),
                ("kind", .text(request.kind.rawValue)),
                ("assigned_to", .text(request.assignedTo)),
                ("owner", .text(request.owner)),
            ]
            if let department = request.department { fields.append(("department", .text(department))) }
            if let routing = request.routing { fields.append(("routing", .text(routing))) }
            if let category = request.category { fields.append(("category", .text(category.rawValue))) }
            fields.append(("reviewed", .date(workspace.today)))
            if let note = request.note { fields.append(("note", .text(note))) }
            return NewEntry(fields)
        }
        try batch.edit(target) { try $0.append(entries) }
        let texts = taken.map(\.description)
        let actions = texts.map { "\($0): assigned to \(request.assignedTo) (\(request.kind.rawValue)) in \(target)" }
        return try batch.finish(numbers: texts, actions: actions) { reloaded in
            try expect(reloaded, numbers: taken, status: .assigned)
        }
    }

    static func targetFile(for request: AllocationRequest, range: NumberRange, span: NumberSpan, workspace: EditWorkspace) throws -> String {
        // A routing entry's numbers sit with the entry, as the examples keep a switchboard's number.
        if let routing = request.routing { return try routingEntry(routing, in: workspace).location.file }
        let assigned = workspace.inventory.numbers.filter {
            $0.status?.value == .assigned && $0.span.map(span.contains) == true
        }
        if let department = request.department?.lowercased(),
           let file = mostCommonFile(assigned.filter { $0.department?.lowercased() == department }) {
            return file
        }
        return mostCommonFile(assigned) ?? range.location.file
    }

    static func requireText(_ text: String, _ option: String) throws {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw EditError.invalidArgument("\(option) must not be empty")
        }
    }

    /// Refuses when the edited inventory does not declare `numbers` with `status` exactly once each.
    static func expect(_ loaded: LoadedInventory, numbers: [PhoneNumber], status: NumberStatus) throws {
        var found: [PhoneNumber: Int] = [:]
        let wanted = Set(numbers)
        for entry in loaded.inventory.numbers where !entry.isBlock {
            guard let number = entry.span?.first, wanted.contains(number) else { continue }
            if entry.status?.value == status { found[number, default: 0] += 1 }
        }
        for number in numbers where found[number] != 1 {
            throw EditError.notEditable(number.description, "the edited files do not declare it as \(status.rawValue) exactly once; nothing was written")
        }
    }
}
