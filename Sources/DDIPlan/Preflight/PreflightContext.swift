import DDIKit

/// One assignment the plan makes or changes, as the checks see it: the number as Teams holds it and
/// the identity as the directory export describes it.
public struct PreflightAssignment: Sendable, Equatable {
    public var number: String
    /// The type Teams will use: the live `NumberType` when the tenant has the number.
    public var numberType: NumberSource
    public var target: IdentityKind
    /// The UPN (or object id) the plan names.
    public var identity: String
    /// Nil when the directory export does not list the identity (a conference bridge, a policy).
    public var account: DirectoryAccount?
    /// Nil when the tenant does not have the number yet (a Direct Routing number appears when assigned).
    public var live: LiveNumber?
    public var category: AssignmentCategory
    public var locationID: String?
    /// False for an update that keeps the holder: only the location checks apply then.
    public var changesHolder: Bool
    public var declaredAt: SourceLocation?

    public init(number: String, numberType: NumberSource, target: IdentityKind, identity: String, account: DirectoryAccount?,
                live: LiveNumber?, category: AssignmentCategory = .primary, locationID: String? = nil, changesHolder: Bool = true,
                declaredAt: SourceLocation? = nil) {
        self.number = number
        self.numberType = numberType
        self.target = target
        self.identity = identity
        self.account = account
        self.live = live
        self.category = category
        self.locationID = locationID
        self.changesHolder = changesHolder
        self.declaredAt = declaredAt
    }
}

/// A number the plan takes from an identity (unassign, or the old holder of a reassign).
public struct PreflightRelease: Sendable, Equatable {
    public var number: String
    public var identity: String
    public var objectID: String
    public var account: DirectoryAccount?
    public var declaredAt: SourceLocation?

    public init(number: String, identity: String, objectID: String, account: DirectoryAccount?, declaredAt: SourceLocation? = nil) {
        self.number = number
        self.identity = identity
        self.objectID = objectID
        self.account = account
        self.declaredAt = declaredAt
    }
}

/// A number an identity holds once the plan is applied.
public struct PreflightHolding: Sendable, Equatable {
    public var number: String
    public var numberType: NumberSource
    public var category: AssignmentCategory

    public init(number: String, numberType: NumberSource, category: AssignmentCategory) {
        self.number = number
        self.numberType = numberType
        self.category = category
    }
}

/// Everything a check may look at, built once per plan (`PreflightContext.build`) or written out
/// directly by a check's examples.
public struct PreflightContext: Sendable {
    public var assignments: [PreflightAssignment]
    public var releases: [PreflightRelease]
    /// What identities hold once the plan is applied, by lowercased object id: complete for the holders
    /// of private lines and for identities the plan takes a number from (what the checks read).
    public var holdings: [String: [PreflightHolding]]
    /// Locations of the `Get-CsOnlineLisLocation` export by lowercased id; nil when there is no such export.
    public var locations: [String: LiveLocation]?

    public init(assignments: [PreflightAssignment] = [], releases: [PreflightRelease] = [],
                holdings: [String: [PreflightHolding]] = [:], locations: [LiveLocation]? = nil) {
        self.assignments = assignments
        self.releases = releases
        self.holdings = holdings
        self.locations = locations.map { list in
            Dictionary(list.map { ($0.locationID.asciiFolded, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
