/// A field value as an export wrote it. JSON keeps types; CSV has only text.
enum FieldValue: Equatable, Sendable {
    case text(String)
    /// A JSON number, as written (an enum exported without `-EnumsAsStrings` shows up as one).
    case number(String)
    case bool(Bool)
    case null
    case list([FieldValue])
    /// A CSV cell naming a .NET collection type (`System.Object[]`): present, content unknown.
    case opaque(String)
    /// A JSON object, its keys lowercased (`AssignedPlan` entries, policy references).
    case object([String: FieldValue])

    /// The value of `key` (lowercase) in an object, nil for anything else.
    func member(_ key: String) -> FieldValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// Text of a scalar, nil for null and empty text.
    var scalarText: String? {
        switch self {
        case .text(let text): text.isEmpty ? nil : text
        case .number(let text): text
        case .bool(let value): value ? "True" : "False"
        case .null, .list, .opaque, .object: nil
        }
    }

    var isAbsent: Bool {
        switch self {
        case .null: true
        case .text(let text): text.isEmpty
        default: false
        }
    }
}

/// The fields ddi reads from any export. Keys match case-insensitively, so the PascalCase of
/// PowerShell and the camelCase of Graph map to the same field.
enum Field: Int, CaseIterable, Sendable {
    case telephoneNumber, numberType, assignmentStatus, targetID, category, activationState, locationID, tags, country
    case capabilities, management, portInStatus, blockedState, blockedUntil, city, operatorID, locationUpdateSupported
    case supportedCustomerActions, acquisitionDate
    case identity, objectID, upn, lineURI, phoneNumber, accountEnabled, accountType, applicationID
    case usageLocation, assignedPlans, enterpriseVoiceEnabled, voiceRoutingPolicy
    // Get-CsOnlineLisLocation
    case civicAddressID, locationName, locationDescription, countryOrRegion, validationStatus
    // Keys of a wrapper object (`{"value": [...], "@odata.nextLink": ...}`).
    case value, nextLink, context

    /// Lowercased keys that name this field, the first as PowerShell writes it.
    var keys: [String] {
        switch self {
        case .telephoneNumber: ["telephonenumber"]
        case .numberType: ["numbertype"]
        case .assignmentStatus: ["pstnassignmentstatus", "assignmentstatus"]
        // `TargetId`: Export-CsAcquiredPhoneNumber's name for it.
        case .targetID: ["assignedpstntargetid", "assignmenttargetid", "targetid"]
        case .category: ["assignmentcategory"]
        case .activationState: ["activationstate"]
        case .locationID: ["locationid"]
        case .tags: ["tag", "tags"]
        case .country: ["isocountrycode"]
        // `AcquiredCapabilities`: Export-CsAcquiredPhoneNumber's name for the capabilities the number has.
        case .capabilities: ["capability", "capabilities", "acquiredcapabilities"]
        case .management: ["numbersource"]
        case .portInStatus: ["portinorderstatus", "portinstatus"]
        case .blockedState: ["assignmentblockedstate"]
        case .blockedUntil: ["assignmentblockeduntil"]
        case .city: ["city"]
        case .operatorID: ["operatorid"]
        case .locationUpdateSupported: ["locationupdatesupported"]
        case .supportedCustomerActions: ["supportedcustomeractions"]
        case .acquisitionDate: ["acquisitiondate"]
        case .identity: ["identity"]
        case .objectID: ["objectid", "id"]
        case .upn: ["userprincipalname"]
        case .lineURI: ["lineuri"]
        case .phoneNumber: ["phonenumber"]
        case .accountEnabled: ["accountenabled"]
        case .accountType: ["accounttype"]
        case .applicationID: ["applicationid"]
        case .usageLocation: ["usagelocation"]
        case .assignedPlans: ["assignedplan", "assignedplans"]
        case .enterpriseVoiceEnabled: ["enterprisevoiceenabled"]
        case .voiceRoutingPolicy: ["onlinevoiceroutingpolicy"]
        case .civicAddressID: ["civicaddressid"]
        case .locationName: ["location"]
        case .locationDescription: ["description"]
        case .countryOrRegion: ["countryorregion"]
        case .validationStatus: ["validationstatus"]
        case .value: ["value"]
        case .nextLink: ["@odata.nextlink"]
        case .context: ["@odata.context"]
        }
    }

    /// How the field is named in messages: PowerShell's spelling, or Graph's for Graph files.
    func name(graph: Bool) -> String {
        switch self {
        case .telephoneNumber: graph ? "telephoneNumber" : "TelephoneNumber"
        case .numberType: graph ? "numberType" : "NumberType"
        case .assignmentStatus: graph ? "assignmentStatus" : "PstnAssignmentStatus"
        case .targetID: graph ? "assignmentTargetId" : "AssignedPstnTargetId"
        case .category: graph ? "assignmentCategory" : "AssignmentCategory"
        case .activationState: graph ? "activationState" : "ActivationState"
        case .locationID: graph ? "locationId" : "LocationId"
        case .tags: graph ? "tags" : "Tag"
        case .country: graph ? "isoCountryCode" : "IsoCountryCode"
        case .capabilities: graph ? "capabilities" : "Capability"
        case .management: graph ? "numberSource" : "NumberSource"
        case .portInStatus: graph ? "portInStatus" : "PortInOrderStatus"
        case .blockedState: "AssignmentBlockedState"
        case .blockedUntil: "AssignmentBlockedUntil"
        case .city: graph ? "city" : "City"
        case .operatorID: graph ? "operatorId" : "OperatorId"
        case .locationUpdateSupported: "LocationUpdateSupported"
        case .supportedCustomerActions: "supportedCustomerActions"
        case .acquisitionDate: "AcquisitionDate"
        case .identity: "Identity"
        case .objectID: graph ? "id" : "ObjectId"
        case .upn: graph ? "userPrincipalName" : "UserPrincipalName"
        case .lineURI: "LineUri"
        case .phoneNumber: "PhoneNumber"
        case .accountEnabled: graph ? "accountEnabled" : "AccountEnabled"
        case .accountType: "AccountType"
        case .applicationID: "ApplicationId"
        case .usageLocation: graph ? "usageLocation" : "UsageLocation"
        case .assignedPlans: graph ? "assignedPlans" : "AssignedPlan"
        case .enterpriseVoiceEnabled: "EnterpriseVoiceEnabled"
        case .voiceRoutingPolicy: "OnlineVoiceRoutingPolicy"
        case .civicAddressID: "CivicAddressId"
        case .locationName: "Location"
        case .locationDescription: "Description"
        case .countryOrRegion: "CountryOrRegion"
        case .validationStatus: "ValidationStatus"
        case .value: "value"
        case .nextLink: "@odata.nextLink"
        case .context: "@odata.context"
        }
    }

    static let byKey: [String: Field] = {
        var map: [String: Field] = [:]
        for field in Field.allCases { for key in field.keys { map[key] = field } }
        return map
    }()
}

/// One exported record: the known fields it has, and where it is.
struct SnapshotRecord: Sendable {
    /// Records per file. The largest tenants Teams serves hold a few hundred thousand numbers, and
    /// the reference tenant's 100,000-record export is read well within it; past this a file is
    /// refused rather than grown without bound.
    static let maximumPerFile = 1_000_000

    var values: [FieldValue?] = Array(repeating: nil, count: Field.allCases.count)
    /// 1-based record index within the file.
    var index: Int
    /// 1-based line where the record starts, when known (JSON).
    var line: Int?

    init(index: Int, line: Int?) {
        self.index = index
        self.line = line
    }

    subscript(field: Field) -> FieldValue? {
        get { values[field.rawValue] }
        set { values[field.rawValue] = newValue }
    }

    func has(_ field: Field) -> Bool { values[field.rawValue] != nil }

    /// True when the field is not there, null or empty text (a value of the wrong type is there).
    func isAbsent(_ field: Field) -> Bool { values[field.rawValue]?.isAbsent ?? true }
}
