import DDIKit

/// Records from Microsoft's documentation that the checks' examples are built from, so that each
/// example is a situation Teams documents rather than one ddi imagined.
enum PreflightSamples {
    /// `Get-CsPhoneNumberAssignment` example 1: a Calling Plan number that may go to users only.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
    static let callingPlanNumber = LiveNumber(
        number: PhoneNumber(value: 14_025_551_234, digitCount: 11), numberType: .callingPlan, status: .unassigned,
        activationState: .activated, country: "US", capabilities: [.userAssignment],
        management: .online, city: "Omaha", origin: RecordOrigin(file: "live/phone-numbers.json", record: 1))

    /// `Get-CsPhoneNumberAssignment` example 11: a Direct Routing number with every assignment capability.
    static let directRoutingNumber = LiveNumber(
        number: PhoneNumber(value: 12_065_551_000, digitCount: 11), numberType: .directRouting, status: .unassigned,
        activationState: .activated, capabilities: [.conferenceAssignment, .voiceApplicationAssignment, .userAssignment],
        origin: RecordOrigin(file: "live/phone-numbers.json", record: 2))

    /// The same Calling Plan number as an export without `Capability` would give it.
    static var callingPlanNumberWithoutCapabilities: LiveNumber {
        var number = callingPlanNumber
        number.capabilities = nil
        return number
    }

    /// `Get-CsOnlineUser` for user1@contoso.com (the user of the `Set-CsPhoneNumberAssignment`
    /// examples) with the properties the checks read. Service plan names are those of
    /// https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference
    static func user(_ upn: String = "user1@contoso.com", usageLocation: String? = "US", servicePlans: [String]? = ["MCOEV", "MCOPSTN1"],
                     enterpriseVoiceEnabled: Bool? = true, voiceRoutingPolicy: String? = nil,
                     reported: Set<DirectoryProperty> = [.accountEnabled, .accountType, .usageLocation, .licences, .enterpriseVoiceEnabled, .voiceRoutingPolicy]) -> DirectoryAccount {
        DirectoryAccount(objectID: "dc13d97b-7897-494e-bc28-6b469bf7a70e", upn: upn, kind: .user, enabled: true, accountType: "User",
                         usageLocation: usageLocation, servicePlans: servicePlans, enterpriseVoiceEnabled: enterpriseVoiceEnabled,
                         voiceRoutingPolicy: voiceRoutingPolicy, reported: reported, origin: RecordOrigin(file: "live/users.json", record: 1))
    }

    /// A resource account (aa1@contoso.com in the `Get-CsPhoneNumberAssignment` examples).
    static func resourceAccount(servicePlans: [String]? = ["MCOEV_VIRTUALUSER"], usageLocation: String? = "US",
                                voiceRoutingPolicy: String? = nil,
                                reported: Set<DirectoryProperty> = [.accountType, .usageLocation, .licences, .voiceRoutingPolicy]) -> DirectoryAccount {
        DirectoryAccount(objectID: "2713551e-ed63-415d-9175-fc4ff825a0be", upn: "aa1@contoso.com", kind: .resourceAccount, enabled: false,
                         accountType: "ResourceAccount", applicationID: TeamsApplication.autoAttendant, usageLocation: usageLocation,
                         servicePlans: servicePlans, voiceRoutingPolicy: voiceRoutingPolicy, reported: reported,
                         origin: RecordOrigin(file: "live/resource-accounts.json", record: 1))
    }

    static let declared = SourceLocation(file: "numbers.yaml", line: 4, column: 5)

    /// An assignment of `live` to `account` as the plan would make it.
    static func assign(_ live: LiveNumber?, to account: DirectoryAccount, number: String? = nil, type: NumberSource? = nil,
                       category: AssignmentCategory = .primary, locationID: String? = nil) -> PreflightAssignment {
        PreflightAssignment(
            number: number ?? live?.number.description ?? "+12065551000", numberType: type ?? live?.numberType ?? .directRouting,
            target: account.isResourceAccount ? .resourceAccount : .user, identity: account.upn, account: account, live: live,
            category: category, locationID: locationID, declaredAt: declared)
    }

    /// `Get-CsOnlineLisLocation` example 4's location.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation
    static func location(validationStatus: String? = "Validated") -> LiveLocation {
        LiveLocation(locationID: "5aa884e8-d548-4b8e-a289-52bfd5265a6e", description: "3rd Floor Cafe", city: "Seattle", countryOrRegion: "US",
                     origin: RecordOrigin(file: "live/locations.json", record: 1), validationStatus: validationStatus)
    }
}
