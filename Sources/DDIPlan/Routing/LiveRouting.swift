/// The kind of identity a call target names (`CallableEntity.Type` of an auto attendant menu
/// option; the type of a call queue's overflow and timeout target).
/// https://learn.microsoft.com/powershell/module/microsoftteams/new-csautoattendantcallableentity
public enum CallTargetType: String, Sendable, CaseIterable, Codable {
    case user = "User"
    /// A resource account (of another auto attendant or call queue).
    case applicationEndpoint = "ApplicationEndpoint"
    /// An auto attendant or call queue itself (nested, by its configuration id).
    case configurationEndpoint = "ConfigurationEndpoint"
    /// A telephone number, `tel:+E164`.
    case externalPSTN = "ExternalPstn"
    /// A Microsoft 365 group's shared voicemail (by group id).
    case sharedVoicemail = "SharedVoicemail"
    /// A user's personal voicemail (a call queue's `Voicemail` action).
    case personalVoicemail = "Voicemail"

    /// Enum values compare case-insensitively: the cmdlet page writes `ExternalPSTN` in examples and
    /// `ExternalPstn` in its type list.
    public init?(exported text: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else { return nil }
        self = match
    }
}

/// Where a live routing step sends a call: an object id (lowercased) or `tel:+E164`.
public struct LiveCallTarget: Sendable, Equatable, Codable {
    public var type: CallTargetType
    public var id: String

    public init(type: CallTargetType, id: String) {
        self.type = type
        self.id = id
    }
}

/// A call queue as `Get-CsCallQueue` reports it: only the fields ddi manages.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-cscallqueue
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-cscallqueue (field meanings)
public struct LiveCallQueue: Sendable, Equatable {
    /// The queue's configuration id (`Identity`).
    public var id: String
    public var name: String
    /// Agents' object ids, lowercased, as exported (order kept; compared as a set).
    public var agents: [String]
    /// `OverflowAction`: DisconnectWithBusy | Forward | Voicemail | SharedVoicemail.
    public var overflowAction: String?
    public var overflowTarget: LiveCallTarget?
    /// `TimeoutAction`: Disconnect | Forward | Voicemail | SharedVoicemail.
    public var timeoutAction: String?
    public var timeoutTarget: LiveCallTarget?
    /// Object ids of the associated resource accounts (`ApplicationInstances`).
    public var applicationInstances: [String]
    public var origin: RecordOrigin

    public init(id: String, name: String, agents: [String], overflowAction: String?, overflowTarget: LiveCallTarget?,
                timeoutAction: String?, timeoutTarget: LiveCallTarget?, applicationInstances: [String], origin: RecordOrigin) {
        self.id = id
        self.name = name
        self.agents = agents
        self.overflowAction = overflowAction
        self.overflowTarget = overflowTarget
        self.timeoutAction = timeoutAction
        self.timeoutTarget = timeoutTarget
        self.applicationInstances = applicationInstances
        self.origin = origin
    }
}

/// What a call flow does without caller input: its menu's `Automatic` option.
public enum LiveCallFlowExit: Sendable, Equatable {
    /// `TransferCallToTarget` with its `CallTarget`.
    case transfer(LiveCallTarget)
    /// Any other action (`DisconnectCall`, a menu waiting for keys): ddi names it, never changes more.
    case other(String)
}

/// An auto attendant as `Get-CsAutoAttendant` reports it: only the fields ddi manages.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csautoattendant
public struct LiveAutoAttendant: Sendable, Equatable {
    public var id: String
    public var name: String
    /// `DefaultCallFlow`'s automatic exit: business hours.
    public var businessHours: LiveCallFlowExit?
    /// The call flow of the `AfterHours` call handling association, when there is one.
    public var afterHours: LiveCallFlowExit?
    public var applicationInstances: [String]
    public var origin: RecordOrigin

    public init(id: String, name: String, businessHours: LiveCallFlowExit?, afterHours: LiveCallFlowExit?,
                applicationInstances: [String], origin: RecordOrigin) {
        self.id = id
        self.name = name
        self.businessHours = businessHours
        self.afterHours = afterHours
        self.applicationInstances = applicationInstances
        self.origin = origin
    }
}

/// Routing as the tenant holds it. Nil lists: that export was not given, so that kind of entry is
/// not planned.
public struct LiveRouting: Sendable, Equatable {
    public var autoAttendants: [LiveAutoAttendant]?
    public var callQueues: [LiveCallQueue]?

    public init(autoAttendants: [LiveAutoAttendant]? = nil, callQueues: [LiveCallQueue]? = nil) {
        self.autoAttendants = autoAttendants
        self.callQueues = callQueues
    }

    mutating func merge(_ other: LiveRouting) {
        if let more = other.autoAttendants { autoAttendants = (autoAttendants ?? []) + more }
        if let more = other.callQueues { callQueues = (callQueues ?? []) + more }
    }
}
