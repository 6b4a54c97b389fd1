/// What Teams may do with a number, from `Capability` (PowerShell) / `capabilities` (Graph).
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
public enum NumberCapability: String, Sendable, CaseIterable, Codable {
    case userAssignment = "UserAssignment"
    case voiceApplicationAssignment = "VoiceApplicationAssignment"
    case conferenceAssignment = "ConferenceAssignment"
    case teamsPhoneMobile = "TeamsPhoneMobile"
}

/// `ActivationState` / Graph `activationState`.
/// https://learn.microsoft.com/graph/api/resources/teamsadministration-numberassignment
public enum NumberActivationState: String, Sendable, CaseIterable, Codable {
    case activated = "Activated"
    case assignmentPending = "AssignmentPending"
    case assignmentFailed = "AssignmentFailed"
    case updatePending = "UpdatePending"
    case updateFailed = "UpdateFailed"
}

/// `NumberSource`: where the number is managed. `OnPremises` numbers (Skype for Business Server /
/// hybrid) cannot be changed with `Set-CsPhoneNumberAssignment`.
public enum NumberManagement: String, Sendable, CaseIterable, Codable {
    case online = "Online"
    case onPremises = "OnPremises"
}

/// A block on assigning the number (`AssignmentBlockedState` / `AssignmentBlockedUntil`), set by
/// `Set-CsPhoneNumberAssignmentBlock` or `Remove-CsPhoneNumberAssignment -AssignmentBlockedDays`.
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignmentblock
public struct AssignmentBlock: Sendable, Equatable, Codable {
    /// True for `BlockedForever` (until an administrator clears it).
    public var forever: Bool
    /// `yyyy-MM-dd` (UTC) of the last blocked day, when the block is for a number of days.
    public var until: String?

    public init(forever: Bool, until: String? = nil) {
        self.forever = forever
        self.until = until
    }
}

/// A record-level remark on the snapshot that does not make it unreadable (an enum value this
/// version of ddi does not know, an export that looks truncated): it becomes a plan finding.
public struct SnapshotNote: Sendable, Equatable {
    public enum Severity: String, Sendable { case info, warning }
    public var severity: Severity
    public var file: String
    /// 1-based record index, nil for a note about the whole file.
    public var record: Int?
    public var number: String?
    public var message: String

    public init(severity: Severity, file: String, record: Int? = nil, number: String? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.record = record
        self.number = number
        self.message = message
    }
}

/// A location from a `Get-CsOnlineLisLocation` export, so that plans can name it and check it exists.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation
public struct LiveLocation: Sendable, Equatable {
    /// Lowercased GUID.
    public var locationID: String
    public var description: String?
    public var city: String?
    public var countryOrRegion: String?
    public var origin: RecordOrigin
    /// `ValidationStatus` of the location's emergency address as exported (`Validated`, `Notvalidated`,
    /// `Invalid`, ...); nil when the export does not carry it.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation
    public var validationStatus: String?

    public init(locationID: String, description: String? = nil, city: String? = nil, countryOrRegion: String? = nil, origin: RecordOrigin,
                validationStatus: String? = nil) {
        self.locationID = locationID
        self.description = description
        self.city = city
        self.countryOrRegion = countryOrRegion
        self.origin = origin
        self.validationStatus = validationStatus
    }
}

/// Which optional directory properties an export carried, so that a check whose input is missing
/// says "not checked" instead of guessing.
public enum DirectoryProperty: String, Sendable, CaseIterable, Codable {
    case accountEnabled, accountType, usageLocation, licences, enterpriseVoiceEnabled, voiceRoutingPolicy
}
