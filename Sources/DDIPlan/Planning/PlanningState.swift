import DDIKit

/// The planner's working state: the declared entries indexed by number, the actions and findings
/// found so far. The evaluation of one number lives in the extensions beside this file, one concern
/// each (declared numbers, undeclared numbers, actions, number state, locations, snapshot notes).
struct PlanningState {
    let inventory: Inventory
    let snapshot: LiveSnapshot
    let directory: Directory
    let declared: DeclaredIndex
    let policy: Policy
    let today: Day?
    /// LIS locations by lowercased id, when the snapshot has a `Get-CsOnlineLisLocation` export.
    let locations: [String: LiveLocation]
    var ranges: RangeIndex { declared.ranges }
    var entries: [NumberEntry] { declared.entries }
    /// Entries a live number declared singly was found for.
    var seen: [Bool]
    /// Live numbers found in each block of `declared.blocks`.
    var blockLiveCounts: [Int] = []
    var actions: [PlanAction] = []
    var findings: [PlanFinding] = []
    var declaredEntryCount: Int { declared.declaredEntryCount }
    /// Set while a live number is evaluated when its state stopped a step the plan needed: its
    /// state findings are then errors, reported already.
    var stateStoppedStep = false

    /// `declared`: the inventory's indexes when they were built already (`DeclaredIndex(inventory)`).
    init(inventory: Inventory, snapshot: LiveSnapshot, today: Day?, declared: DeclaredIndex? = nil) {
        self.inventory = inventory
        self.snapshot = snapshot
        self.today = today
        policy = inventory.config.policy
        directory = snapshot.directory
        self.declared = declared ?? DeclaredIndex(inventory)
        var locations: [String: LiveLocation] = [:]
        for location in snapshot.locations ?? [] where locations[location.locationID.asciiFolded] == nil {
            locations[location.locationID.asciiFolded] = location
        }
        self.locations = locations
        seen = Array(repeating: false, count: self.declared.entries.count)
        blockLiveCounts = Array(repeating: 0, count: self.declared.blocks.count)
    }

    /// `workers`: how many parts the live numbers are walked in at once (`LiveWalk`); the plan is
    /// the same for any number of them.
    mutating func run(workers: Int = 1, minimumPerWorker: Int = LiveWalk.minimumPerWorker) {
        walkLiveNumbers(workers: workers, minimumPerWorker: minimumPerWorker)
        stateStoppedStep = false
        for index in Array(declared.singles.values) + Array(declared.extensions.values) where !seen[index] {
            evaluate(entries[index].fields, live: nil)
        }
        for (index, block) in declared.blocks.enumerated() {
            checkBlockPresence(entries[block.entry].fields, liveCount: blockLiveCounts[index])
        }
        addSnapshotNotes()
    }

    /// Every live number of `snapshot.numbers[range]`, in order: the declaration that covers it, or
    /// the facts of an undeclared number.
    mutating func walk(_ range: Range<Int>) {
        let numbers = snapshot.numbers
        for position in range {
            let live = numbers[position]
            stateStoppedStep = false
            if let index = declared.single(live.number) {
                seen[index] = true
                evaluateDeclared(entries[index].fields, live: live)
            } else if let block = declared.blockIndex(containing: live.number) {
                blockLiveCounts[block] += 1
                evaluateDeclared(entries[declared.blocks[block].entry].fields, live: live)
            } else {
                evaluateUndeclared(live)
            }
        }
    }

    /// A declared number the tenant has: what the declaration asks, then the facts about the live
    /// record that hold whatever was planned (its type, its state).
    private mutating func evaluateDeclared(_ entry: NumberEntryFields, live: LiveNumber) {
        evaluate(entry, live: live)
        checkNumberType(entry, live: live)
        reportNumberState(of: live, entry: entry)
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
