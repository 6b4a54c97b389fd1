import DDIKit

/// The planner's working state: the declared entries indexed by number, the actions and findings
/// found so far. The evaluation of one number lives in the extensions beside this file, one concern
/// each (declared numbers, undeclared numbers, actions, number state, locations, snapshot notes).
struct PlanningState {
    let inventory: Inventory
    let snapshot: LiveSnapshot
    let directory: Directory
    let ranges: RangeIndex
    let entries: [NumberEntry]
    let policy: Policy
    let today: Day?
    /// LIS locations by lowercased id, when the snapshot has a `Get-CsOnlineLisLocation` export.
    let locations: [String: LiveLocation]
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
    /// Set while a live number is evaluated when its state stopped a step the plan needed: its
    /// state findings are then errors, reported already.
    var stateStoppedStep = false

    init(inventory: Inventory, snapshot: LiveSnapshot, today: Day?) {
        self.inventory = inventory
        self.snapshot = snapshot
        self.today = today
        policy = inventory.config.policy
        directory = snapshot.directory
        ranges = RangeIndex(inventory.ranges)
        entries = inventory.numbers
        var locations: [String: LiveLocation] = [:]
        for location in snapshot.locations ?? [] where locations[location.locationID.asciiFolded] == nil {
            locations[location.locationID.asciiFolded] = location
        }
        self.locations = locations
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
            stateStoppedStep = false
            if let index = live.number.phoneExtension == nil ? singles[live.number.key] : extensions[live.number] {
                seen[index] = true
                evaluateDeclared(entries[index].fields, live: live)
            } else if let block = blockIndex(containing: live.number) {
                blockLiveCounts[block] += 1
                evaluateDeclared(entries[blocks[block].entry].fields, live: live)
            } else {
                evaluateUndeclared(live)
            }
        }
        stateStoppedStep = false
        for index in Array(singles.values) + Array(extensions.values) where !seen[index] {
            evaluate(entries[index].fields, live: nil)
        }
        for (index, block) in blocks.enumerated() {
            checkBlockPresence(entries[block.entry].fields, liveCount: blockLiveCounts[index])
        }
        addSnapshotNotes()
    }

    /// A declared number the tenant has: what the declaration asks, then the facts about the live
    /// record that hold whatever was planned (its type, its state).
    private mutating func evaluateDeclared(_ entry: NumberEntryFields, live: LiveNumber) {
        evaluate(entry, live: live)
        checkNumberType(entry, live: live)
        reportNumberState(of: live, entry: entry)
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

    // MARK: helpers shared by the extensions

    func holder(of live: LiveNumber) -> String {
        guard let id = live.targetID else { return "an unknown target" }
        switch live.status {
        case .conferenceAssigned: return "the audio conferencing bridge"
        case .policyAssigned: return "the policy \(id)"
        default: return directory.upn(of: id) ?? "object id \(id) (not in the directory export)"
        }
    }

    func state(of live: LiveNumber) -> AssignmentState {
        AssignmentState(status: live.status.rawValue, assignedTo: holderName(of: live), objectID: live.targetID,
                        category: live.category, locationID: live.locationID, tags: live.tags,
                        locationDescription: locationDescription(live.locationID))
    }

    /// The UPN of the holder; the policy target of a policy-assigned number (it is its name).
    func holderName(of live: LiveNumber) -> String? {
        live.status == .policyAssigned ? live.targetID : directory.upn(of: live.targetID)
    }

    /// The kind of identity holding a live number, from its assignment status and the directory.
    func identityKind(of live: LiveNumber) -> IdentityKind {
        switch live.status {
        case .conferenceAssigned: return .conferenceBridge
        case .policyAssigned: return .policy
        case .voiceApplicationAssigned: return .resourceAccount
        case .unassigned, .userAssigned, .thirdPartyAppAssigned:
            return directory.account(objectID: live.targetID ?? "")?.isResourceAccount == true ? .resourceAccount : .user
        }
    }

    mutating func add(_ kind: FindingKind, _ severity: Severity, _ number: String, _ message: String, _ entry: NumberEntryFields?, _ live: LiveNumber?) {
        findings.append(PlanFinding(kind: kind, severity: severity, number: number, message: message,
                                    declaredAt: entry?.text.location, live: live?.origin))
    }
}
