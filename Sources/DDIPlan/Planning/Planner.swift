import DDIKit

/// Compares the declared state with a live snapshot (README "`ddi plan`"). A pure function: the same inventory
/// and snapshot always give the same plan. Work is O(n log n) in declared entries plus live records;
/// the free numbers of a range are never enumerated (blocks are counted by binary search).
public enum Planner {
    public static func plan(inventory: Inventory, snapshot: LiveSnapshot, inputs: PlanInputs) -> Plan {
        var state = PlanningState(inventory: inventory, snapshot: snapshot)
        state.run()
        var summary = PlanSummary()
        for action in state.actions {
            switch action.kind {
            case .assign: summary.assign += 1
            case .update: summary.update += 1
            case .reassign: summary.reassign += 1
            case .unassign: summary.unassign += 1
            }
        }
        for finding in state.findings {
            switch finding.severity {
            case .error: summary.errors += 1
            case .warning: summary.warnings += 1
            case .info: summary.infos += 1
            }
        }
        summary.declaredEntries = state.declaredEntryCount
        summary.liveNumbers = snapshot.numbers.count
        summary.liveAssigned = snapshot.numbers.lazy.filter { $0.status.isAssigned }.count
        // Sort keys are computed once per item, not once per comparison.
        let actions = state.actions.map { ($0.sortKey, $0) }
            .sorted { ($0.0, $0.1.kind.rawValue) < ($1.0, $1.1.kind.rawValue) }.map(\.1)
        let findings = state.findings.map { ($0.sortKey, $0) }
            .sorted { ($0.0, $0.1.kind.rawValue, $0.1.message) < ($1.0, $1.1.kind.rawValue, $1.1.message) }.map(\.1)
        return Plan(tenant: inventory.config.tenant, inputs: inputs, actions: actions, findings: findings, summary: summary)
    }
}

extension PlanAction {
    var sortKey: String { Self.sortKey(number) }

    /// Orders numbers by length, then digits, then extension (as `PhoneNumber` does).
    static func sortKey(_ number: String) -> String {
        let parts = number.split(separator: ";", maxSplits: 1)
        let digits = parts.first.map { $0.drop { $0 == "+" } } ?? ""
        let rest = parts.count > 1 ? ";" + parts[1] : ""
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + rest
    }
}

extension PlanFinding {
    var sortKey: String { PlanAction.sortKey(number) }
}

private struct PlanningState {
    let inventory: Inventory
    let snapshot: LiveSnapshot
    let directory: Directory
    let ranges: RangeIndex
    let entries: [NumberEntry]
    /// Single-number entries: indexes into `entries`, by the number's integer key (hashing an
    /// integer is much cheaper than hashing a `PhoneNumber`), and by number for `;ext=` numbers.
    var singles: [UInt64: Int] = [:]
    var extensions: [PhoneNumber: Int] = [:]
    var seen: [Bool]
    /// Block entries sorted by first number; a valid inventory's blocks do not overlap (DDI003).
    var blocks: [(lower: UInt64, upper: UInt64, entry: Int)] = []
    var blockLiveCounts: [Int] = []
    var actions: [PlanAction] = []
    var findings: [PlanFinding] = []
    var declaredEntryCount = 0

    init(inventory: Inventory, snapshot: LiveSnapshot) {
        self.inventory = inventory
        self.snapshot = snapshot
        directory = snapshot.directory
        ranges = RangeIndex(inventory.ranges)
        entries = inventory.numbers
        seen = Array(repeating: false, count: entries.count)
        singles.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let fields = entry.fields
            guard let span = fields.span, fields.status != nil else { continue }
            if fields.isBlock {
                blocks.append((span.lowerKey, span.upperKey, index))
            } else if span.first.phoneExtension != nil {
                if extensions[span.first] == nil { extensions[span.first] = index }
            } else if singles[span.first.key] == nil {
                singles[span.first.key] = index
            }
        }
        blocks.sort { $0.lower < $1.lower }
        blockLiveCounts = Array(repeating: 0, count: blocks.count)
        declaredEntryCount = singles.count + extensions.count + blocks.count
    }

    mutating func run() {
        for live in snapshot.numbers {
            if let index = live.number.phoneExtension == nil ? singles[live.number.key] : extensions[live.number] {
                seen[index] = true
                evaluate(entries[index].fields, live: live)
            } else if let block = blockIndex(containing: live.number) {
                blockLiveCounts[block] += 1
                evaluate(entries[blocks[block].entry].fields, live: live)
            } else {
                evaluateUndeclared(live)
            }
        }
        for index in Array(singles.values) + Array(extensions.values) where !seen[index] {
            evaluate(entries[index].fields, live: nil)
        }
        for (index, block) in blocks.enumerated() {
            checkBlockPresence(entries[block.entry].fields, liveCount: blockLiveCounts[index])
        }
    }

    private func blockIndex(containing number: PhoneNumber) -> Int? {
        let key = number.key
        var low = 0, high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].lower <= key { low = middle + 1 } else { high = middle }
        }
        guard low > 0, blocks[low - 1].upper >= key else { return nil }
        return low - 1
    }

    // MARK: declared numbers

    /// Entries are read through `NumberEntryFields`: one copy of the fields is cheaper than a key-path
    /// lookup for each of them (`NumberEntry`'s dynamic members), which showed in the benchmark.
    private mutating func evaluate(_ entry: NumberEntryFields, live: LiveNumber?) {
        guard let status = entry.status?.value, let span = entry.span else { return }
        let number = live?.number ?? span.first
        let range = ranges.range(containing: number)
        switch status {
        case .assigned:
            evaluateAssigned(entry, number: number, range: range, live: live)
        case .external:
            if let live, live.status.isAssigned {
                add(.externalConflict, .error, number.description,
                    "declared external (in use outside Teams), but Teams has it assigned to \(holder(of: live)): calls reach Teams instead of the device; remove the Teams assignment by hand or declare the number assigned",
                    entry, live)
            }
        case .free, .reserved, .quarantine, .retired:
            if let live, live.status.isAssigned {
                unassign(entry, status: status, live: live, range: range)
            } else if live == nil, !entry.isBlock, let source = range?.source, source != .directRouting, status != .retired {
                let severity: Severity = status == .free ? .info : .warning
                add(.notInTenant, severity, number.description,
                    "declared \(status.rawValue), but the tenant does not have this \(source.rawValue) number: it cannot be used until it is acquired again",
                    entry, nil)
            }
        }
    }

    private mutating func evaluateAssigned(_ entry: NumberEntryFields, number: PhoneNumber, range: RangeFacts?, live: LiveNumber?) {
        guard let upn = entry.assignedTo?.value else { return }
        let source = range?.source ?? live?.numberType
        let desiredLocation = (entry.locationID ?? range?.locationID)?.asciiFolded
        let desiredCategory = entry.category?.value ?? .primary
        let desiredTags = entry.tags
        let kind = entry.kind?.value

        guard let live else {
            guard source == .directRouting else {
                add(.notInTenant, .error, number.description,
                    "declared assigned to \(upn), but the tenant does not have this \(source?.rawValue ?? "number") number: acquire or port it before it can be assigned",
                    entry, nil)
                return
            }
            assign(entry, number: number, upn: upn, source: .directRouting, range: range, before: nil,
                   location: desiredLocation, category: desiredCategory, tags: desiredTags)
            if let account = directory.account(upn: upn), account.enabled == false {
                disabledAccountFinding(entry, number: number, upn: upn, live: nil)
            }
            return
        }
        let type = source ?? live.numberType
        // Audio conferencing numbers are held by the tenant's bridge, which no directory export lists.
        if kind == .conference, live.status == .conferenceAssigned {
            update(entry, number: number, upn: upn, objectID: live.targetID ?? "", type: type, range: range, live: live,
                   location: desiredLocation, category: nil, tags: desiredTags)
            return
        }
        guard let account = directory.account(upn: upn) else {
            let holderText = live.status.isAssigned ? "it is assigned to \(holder(of: live))" : "it is unassigned"
            add(.unresolvedIdentity, .error, number.description,
                "declared assigned to \(upn), but \(upn) is not in the directory export (\(directory.isEmpty ? "no Get-CsOnlineUser / Get-CsOnlineApplicationInstance export was given" : "check the UPN, or export the directory again")); \(holderText), and ddi does not guess",
                entry, live)
            return
        }
        if !live.status.isAssigned {
            assign(entry, number: number, upn: upn, source: type, range: range, before: state(of: live),
                   location: desiredLocation, category: desiredCategory, tags: desiredTags, account: account)
        } else if live.targetID == account.objectID {
            update(entry, number: number, upn: upn, objectID: account.objectID, type: type, range: range, live: live,
                   location: desiredLocation, category: desiredCategory, tags: desiredTags)
        } else {
            var after = AssignmentState(status: liveStatus(for: account, kind: kind).rawValue, assignedTo: upn, objectID: account.objectID,
                                        category: desiredCategory, locationID: desiredLocation ?? live.locationID, tags: desiredTags)
            if live.tags == nil { after.tags = nil }
            actions.append(PlanAction(
                kind: .reassign, number: number.description, numberType: type,
                target: PlanTarget(upn: upn, objectID: account.objectID), category: desiredCategory,
                locationID: desiredLocation ?? live.locationID, tags: desiredTags,
                changes: [.assignedTo] + differences(live: live, location: desiredLocation, category: desiredCategory, tags: desiredTags),
                before: state(of: live), after: after, declaredAt: entry.text.location, declaredStatus: .assigned,
                numberKind: kind, rangeID: range?.id))
        }
        if account.enabled == false {
            disabledAccountFinding(entry, number: number, upn: upn, live: live)
        }
    }

    private mutating func disabledAccountFinding(_ entry: NumberEntryFields, number: PhoneNumber, upn: String, live: LiveNumber?) {
        let message = live?.status.isAssigned == true
            ? "assigned to \(upn), whose account is disabled: the number still rings and may forward (release it with ddi offboard \(upn))"
            : "declared assigned to \(upn), whose account is disabled: assigning a number to it keeps a door open (MFA, forwarding)"
        add(.disabledAccount, .warning, number.description, message, entry, live)
    }

    private mutating func assign(_ entry: NumberEntryFields, number: PhoneNumber, upn: String, source: NumberSource, range: RangeFacts?,
                                 before: AssignmentState?, location: String?, category: AssignmentCategory, tags: [String],
                                 account: DirectoryAccount? = nil) {
        guard let account = account ?? directory.account(upn: upn) else {
            add(.unresolvedIdentity, .error, number.description,
                "declared assigned to \(upn), but \(upn) is not in the directory export, so its object id is unknown and ddi does not guess",
                entry, nil)
            return
        }
        let after = AssignmentState(status: liveStatus(for: account, kind: entry.kind?.value).rawValue, assignedTo: upn,
                                    objectID: account.objectID, category: category, locationID: location, tags: tags)
        actions.append(PlanAction(
            kind: .assign, number: number.description, numberType: source,
            target: PlanTarget(upn: upn, objectID: account.objectID), category: category, locationID: location, tags: tags,
            changes: [.assignedTo], before: before, after: after, declaredAt: entry.text.location, declaredStatus: .assigned,
            numberKind: entry.kind?.value, rangeID: range?.id))
    }

    private mutating func update(_ entry: NumberEntryFields, number: PhoneNumber, upn: String, objectID: String, type: NumberSource, range: RangeFacts?,
                                 live: LiveNumber, location: String?, category: AssignmentCategory?, tags: [String]) {
        let changes = differences(live: live, location: location, category: category, tags: tags)
        guard !changes.isEmpty else { return }
        var after = state(of: live)
        if changes.contains(.locationID) { after.locationID = location }
        if changes.contains(.category) { after.category = category }
        if changes.contains(.tags) { after.tags = tags }
        actions.append(PlanAction(
            kind: .update, number: number.description, numberType: type,
            target: PlanTarget(upn: upn, objectID: objectID), category: category ?? live.category,
            locationID: location ?? live.locationID, tags: tags, changes: changes, before: state(of: live), after: after,
            declaredAt: entry.text.location, declaredStatus: .assigned, numberKind: entry.kind?.value, rangeID: range?.id))
    }

    private mutating func unassign(_ entry: NumberEntryFields, status: NumberStatus, live: LiveNumber, range: RangeFacts?) {
        let objectID = live.targetID ?? ""
        actions.append(PlanAction(
            kind: .unassign, number: live.number.description, numberType: range?.source ?? live.numberType,
            target: PlanTarget(upn: directory.upn(of: live.targetID), objectID: objectID), category: live.category,
            locationID: live.locationID, tags: live.tags ?? [], changes: [.assignedTo], before: state(of: live),
            after: AssignmentState(status: LiveAssignmentStatus.unassigned.rawValue, locationID: live.locationID, tags: live.tags),
            declaredAt: entry.text.location, declaredStatus: status, numberKind: entry.kind?.value, rangeID: range?.id))
    }

    /// What differs between the live assignment and the declaration. A side that does not say
    /// (no declared location, a snapshot without tags or category) is not compared.
    private func differences(live: LiveNumber, location: String?, category: AssignmentCategory?, tags: [String]) -> [PlanChange] {
        var changes: [PlanChange] = []
        if let category, let liveCategory = live.category, liveCategory != category { changes.append(.category) }
        if let location, location != live.locationID { changes.append(.locationID) }
        if let liveTags = live.tags, liveTags != tags, liveTags.sorted() != tags.sorted() { changes.append(.tags) }
        return changes
    }

    // MARK: numbers only the tenant knows

    private mutating func evaluateUndeclared(_ live: LiveNumber) {
        let range = ranges.range(containing: live.number)
        if live.status.isAssigned {
            let place = range.map { "inside range \($0.id), where it counts as free" } ?? "outside every declared range"
            add(.undeclared, .warning, live.number.description,
                "assigned in Teams to \(holder(of: live)), but declared nowhere (\(place)): a ghost number; declare it, or remove the assignment by hand (ddi never unassigns undeclared numbers)",
                nil, live)
            if let account = directory.account(objectID: live.targetID ?? ""), account.enabled == false {
                add(.disabledAccount, .warning, live.number.description,
                    "assigned in Teams to \(account.upn), whose account is disabled, and declared nowhere",
                    nil, live)
            }
        } else if range == nil {
            add(.undeclared, .info, live.number.description,
                "in the tenant (\(live.numberType.rawValue), unassigned) but in no declared range: paid for and not in the inventory",
                nil, live)
        }
    }

    /// A reserved, quarantined or free block on a non-Direct-Routing range should be in the tenant
    /// as a whole; the live numbers inside it were counted while walking the snapshot.
    private mutating func checkBlockPresence(_ entry: NumberEntryFields, liveCount: Int) {
        guard let span = entry.span, let status = entry.status?.value,
              [.free, .reserved, .quarantine].contains(status),
              let range = ranges.range(containing: span.first), let source = range.source, source != .directRouting,
              UInt64(liveCount) < span.count else { return }
        let missing = span.count - UInt64(liveCount)
        add(.notInTenant, status == .free ? .info : .warning, span.description,
            "declared \(status.rawValue), but \(missing) of its \(span.count) \(source.rawValue) numbers are not in the tenant",
            entry, nil)
    }

    // MARK: helpers

    private func holder(of live: LiveNumber) -> String {
        guard let id = live.targetID else { return "an unknown target" }
        return directory.upn(of: id) ?? "object id \(id) (not in the directory export)"
    }

    private func state(of live: LiveNumber) -> AssignmentState {
        AssignmentState(status: live.status.rawValue, assignedTo: directory.upn(of: live.targetID), objectID: live.targetID,
                        category: live.category, locationID: live.locationID, tags: live.tags)
    }

    /// The assignment status Teams will report once the number is assigned to `account`.
    private func liveStatus(for account: DirectoryAccount, kind: NumberKind?) -> LiveAssignmentStatus {
        if kind == .conference { return .conferenceAssigned }
        return account.isResourceAccount ? .voiceApplicationAssigned : .userAssigned
    }

    private mutating func add(_ kind: FindingKind, _ severity: Severity, _ number: String, _ message: String, _ entry: NumberEntryFields?, _ live: LiveNumber?) {
        findings.append(PlanFinding(kind: kind, severity: severity, number: number, message: message,
                                    declaredAt: entry?.text.location, live: live?.origin))
    }
}
