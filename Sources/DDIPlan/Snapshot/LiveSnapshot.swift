import DDIKit

/// Where a live record came from, so every message about it can name the file and the record.
public struct RecordOrigin: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The path as given on the command line (or relative to the inventory root).
    public var file: String
    /// 1-based index of the record in its file (the data row for CSV, the array element for JSON).
    public var record: Int

    public init(file: String, record: Int) {
        self.file = file
        self.record = record
    }

    public var description: String { "\(file): record \(record)" }
}

/// Teams' `PstnAssignmentStatus` / Graph's `assignmentStatus`.
public enum LiveAssignmentStatus: String, Sendable, CaseIterable, Codable {
    case unassigned
    case userAssigned = "user-assigned"
    case conferenceAssigned = "conference-assigned"
    case voiceApplicationAssigned = "voice-application-assigned"
    case thirdPartyAppAssigned = "third-party-app-assigned"
    case policyAssigned = "policy-assigned"

    public var isAssigned: Bool { self != .unassigned }
}

/// One number as the tenant holds it (`Get-CsPhoneNumberAssignment` / Graph `numberAssignment`).
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
public struct LiveNumber: Sendable, Equatable {
    public var number: PhoneNumber
    /// The live `NumberType`: Teams requires this one in `-NumberType`, whatever the inventory declares.
    public var numberType: NumberSource
    public var status: LiveAssignmentStatus
    /// Object id of the user or resource account holding the number, lowercased; nil when unassigned.
    /// For `policy-assigned` numbers the policy target as exported (`TeamsSharedCallingRoutingPolicy|Tag:SC1`), case kept.
    public var targetID: String?
    /// Nil when the export does not say (Teams only reports it for assigned numbers).
    public var category: AssignmentCategory?
    /// Lowercased; nil when absent or the all-zero GUID ("no location").
    public var locationID: String?
    /// Nil when the export does not carry tags (Graph; a CSV with `System.Object[]`): tags are then not compared.
    public var tags: [String]?
    /// Nil when not exported or a value this version does not know (that is a snapshot note).
    public var activationState: NumberActivationState?
    /// ISO 3166 region from `IsoCountryCode`, when exported.
    public var country: String?
    /// Nil when the export does not carry capabilities: capability checks are then skipped, not guessed.
    public var capabilities: [NumberCapability]?
    /// `NumberSource` (`Online` / `OnPremises`), when exported.
    public var management: NumberManagement?
    /// `PortInOrderStatus` as exported (empty means no port-in order).
    public var portInOrderStatus: String?
    /// Nil when the number has no assignment block (or the export does not say).
    public var assignmentBlock: AssignmentBlock?
    public var city: String?
    /// `OperatorId`: null for Operator Connect numbers the operator does not manage.
    public var operatorID: String?
    /// `LocationUpdateSupported`, when exported.
    public var locationUpdateSupported: Bool?
    public var origin: RecordOrigin

    public init(number: PhoneNumber, numberType: NumberSource, status: LiveAssignmentStatus, targetID: String? = nil,
                category: AssignmentCategory? = nil, locationID: String? = nil, tags: [String]? = nil,
                activationState: NumberActivationState? = nil, country: String? = nil, capabilities: [NumberCapability]? = nil,
                management: NumberManagement? = nil, portInOrderStatus: String? = nil, assignmentBlock: AssignmentBlock? = nil,
                city: String? = nil, operatorID: String? = nil, locationUpdateSupported: Bool? = nil, origin: RecordOrigin) {
        self.number = number
        self.numberType = numberType
        self.status = status
        self.targetID = targetID
        self.category = category
        self.locationID = locationID
        self.tags = tags
        self.activationState = activationState
        self.country = country
        self.capabilities = capabilities
        self.management = management
        self.portInOrderStatus = portInOrderStatus
        self.assignmentBlock = assignmentBlock
        self.city = city
        self.operatorID = operatorID
        self.locationUpdateSupported = locationUpdateSupported
        self.origin = origin
    }
}

/// Teams application ids of resource accounts, to tell an auto attendant from a call queue.
public enum TeamsApplication {
    public static let autoAttendant = "ce933385-9390-45d1-9512-c8d228074e07"
    public static let callQueue = "11cd3e2e-fccb-42ad-ad00-878b93575e07"
}

/// A user (`Get-CsOnlineUser`) or resource account (`Get-CsOnlineApplicationInstance`).
public struct DirectoryAccount: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case user, resourceAccount = "resource-account" }

    /// Lowercased, so that ids from different exports compare equal.
    public var objectID: String
    public var upn: String
    public var kind: Kind
    /// Nil when the export does not say (`Get-CsOnlineApplicationInstance` has no `AccountEnabled`).
    public var enabled: Bool?
    /// `AccountType` as exported (`User`, `ResourceAccount`, `Guest`, ...).
    public var accountType: String?
    public var lineURI: String?
    /// Lowercased `ApplicationId` of a resource account.
    public var applicationID: String?
    /// `UsageLocation` / Graph `usageLocation` (ISO 3166 alpha-2), when exported.
    public var usageLocation: String?
    /// Service plan names the account is licensed for (`MCOEV`, `MCOPSTN1`, `MCOEV_VIRTUALUSER`, ...);
    /// nil when the export carries no licence information.
    public var servicePlans: [String]?
    /// `EnterpriseVoiceEnabled`, when exported.
    public var enterpriseVoiceEnabled: Bool?
    /// `OnlineVoiceRoutingPolicy` name; nil when the export does not carry it or the account has none
    /// (`reported` tells which).
    public var voiceRoutingPolicy: String?
    /// Optional properties the account's export carried.
    public var reported: Set<DirectoryProperty>
    public var origin: RecordOrigin

    public init(objectID: String, upn: String, kind: Kind, enabled: Bool? = nil, accountType: String? = nil,
                lineURI: String? = nil, applicationID: String? = nil, usageLocation: String? = nil,
                servicePlans: [String]? = nil, enterpriseVoiceEnabled: Bool? = nil, voiceRoutingPolicy: String? = nil,
                reported: Set<DirectoryProperty> = [], origin: RecordOrigin) {
        self.objectID = objectID
        self.upn = upn
        self.kind = kind
        self.enabled = enabled
        self.accountType = accountType
        self.lineURI = lineURI
        self.applicationID = applicationID
        self.usageLocation = usageLocation
        self.servicePlans = servicePlans
        self.enterpriseVoiceEnabled = enterpriseVoiceEnabled
        self.voiceRoutingPolicy = voiceRoutingPolicy
        self.reported = reported
        self.origin = origin
    }

    /// A user whose sign-in state matters: resource accounts are disabled for sign-in by design.
    /// https://learn.microsoft.com/microsoftteams/manage-resource-accounts
    public var isUser: Bool { !isResourceAccount }

    public var isResourceAccount: Bool { kind == .resourceAccount || accountType?.lowercased() == "resourceaccount" }
}

/// One file of the snapshot and what it was read as.
public struct SnapshotFile: Sendable, Equatable {
    public var path: String
    /// `sha256:` followed by the hex digest of the file's bytes.
    public var sha256: String
    public var format: SnapshotFormat
    public var records: Int

    public init(path: String, sha256: String, format: SnapshotFormat, records: Int) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.records = records
    }
}

/// What the tenant holds: numbers and the directory, read from exported files (README "The snapshot").
public struct LiveSnapshot: Sendable {
    /// Sorted by number.
    public var numbers: [LiveNumber]
    public let accounts: [DirectoryAccount]
    public var files: [SnapshotFile]
    /// Locations from a `Get-CsOnlineLisLocation` export; nil when the snapshot has none.
    public var locations: [LiveLocation]?
    /// Remarks that do not make the snapshot unreadable; the planner turns them into findings.
    public var notes: [SnapshotNote]
    /// Auto attendants and call queues from `Get-CsAutoAttendant` / `Get-CsCallQueue` exports; a nil
    /// list means that export was not given (then that kind of routing is not planned).
    public var routing = LiveRouting()
    /// The accounts indexed by object id and UPN, built with the snapshot (on the loader's thread, so
    /// that `ddi plan` builds it while the inventory is parsed).
    let directory: Directory

    public init(numbers: [LiveNumber], accounts: [DirectoryAccount], files: [SnapshotFile] = [],
                locations: [LiveLocation]? = nil, notes: [SnapshotNote] = []) {
        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            let a = numbers[lhs].number, b = numbers[rhs].number
            if a.key != b.key { return a.key < b.key }
            return (a.phoneExtension ?? "") < (b.phoneExtension ?? "")
        }
        // Exports usually list numbers in order: then they are kept as they are (a stable sort
        // would not move them), not copied. Otherwise small keys are sorted, not the records:
        // moving 100,000 large structs per comparison is slow.
        if numbers.indices.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) {
            self.numbers = numbers
        } else {
            self.numbers = numbers.indices.sorted(by: precedes).map { numbers[$0] }
        }
        self.accounts = accounts
        self.files = files
        self.locations = locations
        self.notes = notes
        directory = Directory(accounts)
    }

    /// True when at least one directory export was read; without one, object ids cannot be resolved.
    public var hasDirectory: Bool { !accounts.isEmpty || files.contains { $0.format.isDirectory } }
}
