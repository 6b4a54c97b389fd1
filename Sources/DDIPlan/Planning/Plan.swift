import DDIKit

/// What a plan was computed from, so that `ddi apply` can refuse a stale plan (README "Saved plans and their checks").
public struct PlanInputs: Sendable, Equatable {
    public struct Declared: Sendable, Equatable {
        /// The commit the inventory was read from, when the work tree was clean; nil otherwise.
        public var commit: String?
        /// `sha256:` digest over the sorted (path, bytes) of ddi.yaml and every inventory file.
        public var contentSHA256: String
        public var files: Int

        public init(commit: String? = nil, contentSHA256: String, files: Int) {
            self.commit = commit
            self.contentSHA256 = contentSHA256
            self.files = files
        }
    }

    public var declared: Declared
    public var live: [SnapshotFile]

    public init(declared: Declared, live: [SnapshotFile]) {
        self.declared = declared
        self.live = live
    }
}

/// A number's assignment as Teams holds it (before) or as the plan leaves it (after).
public struct AssignmentState: Sendable, Equatable {
    /// `absent` (not in the tenant), `unassigned`, or the live assignment status.
    public var status: String
    public var assignedTo: String?
    public var objectID: String?
    public var category: AssignmentCategory?
    public var locationID: String?
    /// Nil when the snapshot does not say.
    public var tags: [String]?
    /// "Description, City" of `locationID` from the snapshot's LIS export; nil without one.
    public var locationDescription: String?

    public init(status: String, assignedTo: String? = nil, objectID: String? = nil, category: AssignmentCategory? = nil,
                locationID: String? = nil, tags: [String]? = nil, locationDescription: String? = nil) {
        self.status = status
        self.assignedTo = assignedTo
        self.objectID = objectID
        self.category = category
        self.locationID = locationID
        self.tags = tags
        self.locationDescription = locationDescription
    }
}

/// What kind of identity holds a number; each is managed with different cmdlets.
public enum IdentityKind: String, Sendable, CaseIterable, Codable {
    case user
    /// An auto attendant's or call queue's resource account (disabled for sign-in by design).
    case resourceAccount = "resource-account"
    /// The tenant's audio-conferencing bridge (`Register-CsOnlineDialInConferencingServiceNumber`).
    case conferenceBridge = "conference-bridge"
    /// A policy such as shared calling (`PolicyAssigned`): never an `-Identity`.
    case policy
}

/// The Teams identity an action assigns to (or, for `unassign`, takes the number from).
public struct PlanTarget: Sendable, Equatable {
    public var upn: String?
    public var objectID: String
    public var kind: IdentityKind

    public init(upn: String?, objectID: String, kind: IdentityKind = .user) {
        self.upn = upn
        self.objectID = objectID
        self.kind = kind
    }

    /// The UPN when known, else the object id.
    public var display: String { upn ?? objectID }
}

/// One change to one number in the tenant.
public struct PlanAction: Sendable, Equatable {
    public var kind: PlanActionKind
    /// E.164, with `;ext=` where the number has one.
    public var number: String
    /// The live record's `NumberType`, which Teams requires in `-NumberType` (a range's `source` that
    /// differs is a `number-type-mismatch` finding); the range's `source` for a Direct Routing number
    /// not in the tenant yet.
    public var numberType: NumberSource
    public var target: PlanTarget
    public var category: AssignmentCategory?
    public var locationID: String?
    public var tags: [String]
    /// The fields the action sets, in the order the planner found them.
    public var changes: [PlanChange]
    /// Nil when the number is not in the tenant (a Direct Routing number that is not assigned).
    public var before: AssignmentState?
    public var after: AssignmentState
    public var declaredAt: SourceLocation
    public var declaredStatus: NumberStatus
    public var numberKind: NumberKind?
    public var rangeID: String?
    /// For an unassign into quarantine: days Teams blocks the number from being assigned again
    /// (`-AssignmentBlockedDays`, 1...365), the remaining quarantine days. Nil: no block.
    public var assignmentBlockDays: Int?
    /// "Description, City" of `locationID` from the snapshot's LIS export; nil without one.
    public var locationDescription: String?

    public init(kind: PlanActionKind, number: String, numberType: NumberSource, target: PlanTarget, category: AssignmentCategory?,
                locationID: String?, tags: [String], changes: [PlanChange], before: AssignmentState?, after: AssignmentState,
                declaredAt: SourceLocation, declaredStatus: NumberStatus, numberKind: NumberKind?, rangeID: String?,
                assignmentBlockDays: Int? = nil, locationDescription: String? = nil) {
        self.kind = kind
        self.number = number
        self.numberType = numberType
        self.target = target
        self.category = category
        self.locationID = locationID
        self.tags = tags
        self.changes = changes
        self.before = before
        self.after = after
        self.declaredAt = declaredAt
        self.declaredStatus = declaredStatus
        self.numberKind = numberKind
        self.rangeID = rangeID
        self.assignmentBlockDays = assignmentBlockDays
        self.locationDescription = locationDescription
    }
}

public enum FindingKind: String, Sendable, CaseIterable, Codable {
    /// Declared, but the tenant does not have the number (and it is not Direct Routing).
    case notInTenant = "not-in-tenant"
    /// Assigned in Teams, declared nowhere: a ghost number. Never unassigned by a plan.
    case undeclared
    /// The number is (or would be) assigned to a disabled account: MFA and call-forwarding risk.
    case disabledAccount = "disabled-account"
    /// Declared `external` (in use outside Teams), but Teams has it assigned.
    case externalConflict = "external-conflict"
    /// A UPN or object id the directory export does not know: ddi does not guess.
    case unresolvedIdentity = "unresolved-identity"
    /// The number's state in Teams (activation, port-in, on-premises source) stops or affects a step.
    case numberState = "number-state"
    /// Teams blocks the number from being assigned (`AssignmentBlockedState`); ddi never lifts a block.
    case assignmentBlocked = "assignment-blocked"
    /// The live `NumberType` differs from the declaring range's `source` (a ported or migrated number).
    case numberTypeMismatch = "number-type-mismatch"
    /// A location change Teams does not allow for this number, or a location the tenant does not have.
    case location
    /// A preflight check (`PF...`, see `checkID`).
    case preflight
    /// A remark on the snapshot itself (an unknown enum value, an export that looks truncated).
    case snapshot
    /// About an auto attendant or call queue (`number` holds the routing id or the live name).
    case routing
}

/// Something the plan cannot or will not change, but someone should look at.
public struct PlanFinding: Sendable, Equatable {
    public var kind: FindingKind
    public var severity: Severity
    /// A number, or a block `A..B`.
    public var number: String
    public var message: String
    public var declaredAt: SourceLocation?
    public var live: RecordOrigin?
    /// The preflight check (`PF001`...) that raised it, for `preflight` findings.
    public var checkID: String?
    /// The identity the finding concerns (UPN or object id), where there is one.
    public var identity: String?
    /// What to do about it, where ddi can say.
    public var fix: String?

    public init(kind: FindingKind, severity: Severity, number: String, message: String, declaredAt: SourceLocation?, live: RecordOrigin?,
                checkID: String? = nil, identity: String? = nil, fix: String? = nil) {
        self.kind = kind
        self.severity = severity
        self.number = number
        self.message = message
        self.declaredAt = declaredAt
        self.live = live
        self.checkID = checkID
        self.identity = identity
        self.fix = fix
    }
}

public struct PlanSummary: Sendable, Equatable {
    public var assign = 0
    public var update = 0
    public var reassign = 0
    public var unassign = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Declared numbers the plan looked at (single numbers; blocks count once).
    public var declaredEntries = 0
    public var liveNumbers = 0
    public var liveAssigned = 0
    /// Auto attendants and call queues to update (`Plan.routing`).
    public var routingUpdates = 0

    public init() {}

    public var changes: Int { assign + update + reassign + unassign + routingUpdates }

    public func count(_ kind: PlanActionKind) -> Int {
        switch kind {
        case .assign: assign
        case .update: update
        case .reassign: reassign
        case .unassign: unassign
        }
    }
}

/// The plan: a value computed from the declared state and a live snapshot (README "`ddi plan`").
public struct Plan: Sendable, Equatable {
    public var tenant: String?
    public var inputs: PlanInputs
    /// Sorted by number.
    public var actions: [PlanAction]
    /// Sorted by number, then kind.
    public var findings: [PlanFinding]
    public var summary: PlanSummary
    /// Auto attendants and call queues to update (README "Routing").
    public var routing = RoutingPlan()

    public init(tenant: String?, inputs: PlanInputs, actions: [PlanAction], findings: [PlanFinding], summary: PlanSummary) {
        self.tenant = tenant
        self.inputs = inputs
        self.actions = actions
        self.findings = findings
        self.summary = summary
    }

    public var hasChanges: Bool { !actions.isEmpty || !routing.actions.isEmpty }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// README "Exit status" of `ddi plan`: with `--detailed-exitcode` 0 no changes, 1 error, 2 changes; without, 1 only on error.
    public func exitCode(detailed: Bool) -> Int32 {
        if hasErrors { return 1 }
        return detailed && hasChanges ? 2 : 0
    }
}
