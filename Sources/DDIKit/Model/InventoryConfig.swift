/// The `safety:` section of `ddi.yaml`: how much of the live tenant one plan may change.
public struct SafetyThresholds: Sendable, Equatable {
    public var maxUnassignPercent = 10.0
    public var maxReassignPercent = 20.0
    public var minExisting = 10
    public init() {}
}

/// The contents of `ddi.yaml`.
public struct InventoryConfig: Sendable {
    public var version: Int?
    public var tenant: String?
    public var live: String?
    public var policy = Policy()
    public var safety = SafetyThresholds()
    public var ruleOverrides: [String: Located<SeverityOverride>] = [:]
    public init() {}
}
