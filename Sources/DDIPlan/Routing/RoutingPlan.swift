import DDIKit

/// A routing field ddi manages (README "Routing"), named as the inventory names it.
public enum RoutingField: String, Sendable, CaseIterable, Codable {
    case agents, overflow, timeout
    case businessHours = "business_hours"
    case afterHours = "after_hours"
    case resourceAccount = "resource_account"
}

/// One side of a routing change: in words for people (UPNs, routing ids), and the values a step
/// sends to Teams (object ids, `tel:` URIs, the call queue action).
public struct RoutingValue: Sendable, Equatable, Codable {
    /// What people read: `[anna.jensen@contoso.com, peter.holm@contoso.com]`, `forward to cq-reception`.
    public var text: String
    /// A call queue's `OverflowAction` / `TimeoutAction` (Forward, Voicemail, SharedVoicemail, ...).
    public var action: String?
    public var target: LiveCallTarget?
    /// Agents' object ids (agents), the resource account's object id (resource_account).
    public var ids: [String]

    public init(text: String, action: String? = nil, target: LiveCallTarget? = nil, ids: [String] = []) {
        self.text = text
        self.action = action
        self.target = target
        self.ids = ids
    }
}

public struct RoutingChange: Sendable, Equatable {
    public var field: RoutingField
    public var before: RoutingValue
    public var after: RoutingValue

    public init(field: RoutingField, before: RoutingValue, after: RoutingValue) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// `~ update call-queue cq-reception`: the declared fields of one auto attendant or call queue
/// that differ from the tenant.
public struct RoutingAction: Sendable, Equatable {
    public var type: RoutingType
    /// The routing entry's id.
    public var id: String
    /// The live configuration id (`Identity` / `Id`) the steps address.
    public var configurationID: String
    public var name: String
    public var changes: [RoutingChange]
    public var declaredAt: SourceLocation

    public init(type: RoutingType, id: String, configurationID: String, name: String, changes: [RoutingChange], declaredAt: SourceLocation) {
        self.type = type
        self.id = id
        self.configurationID = configurationID
        self.name = name
        self.changes = changes
        self.declaredAt = declaredAt
    }
}

/// The routing part of a plan. Sorted by routing id.
public struct RoutingPlan: Sendable, Equatable {
    public var actions: [RoutingAction]

    public init(actions: [RoutingAction] = []) { self.actions = actions }

    public var changeCount: Int { actions.count }
}
