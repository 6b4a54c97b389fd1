import DDIKit
@testable import DDIPlan

/// Records as Microsoft documents them, for planner tests.
///
/// Numbers: the example output of Get-CsPhoneNumberAssignment,
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
/// (example 1: the Calling Plan number +14025551234 in Omaha, assigned; example 11: the Direct
/// Routing number +12065551000, NumberSource OnPremises, LocationId all zeros; example 13: tag
/// `Engineering`, "Tags are not case sensitive"; example 14: an unassigned number with
/// `AssignmentBlockedState BlockedForever`; example 9: `TeamsSharedCallingRoutingPolicy|Tag:SC1`).
/// Accounts: `user1@contoso.com` and the resource account `aa1@contoso.com` of the same page
/// (examples 4 and 5), as Get-CsOnlineUser lists them (resource accounts with `AccountType
/// ResourceAccount` and `AccountEnabled False`: https://learn.microsoft.com/microsoftteams/manage-resource-accounts).
enum Documented {
    static let omahaNumber = "+14025551234"
    static let omahaTarget = "dc13d97b-7897-494e-bc28-6b469bf7a70e"
    static let omahaLocation = "407c17ae-8c41-431e-894a-38787c682f68"
    static let omahaOperator = "2b24d246-a9ee-428b-96bc-fb9d9a053c8d"
    static let seattleNumber = "+12065551000"
    static let seattleTarget = "2713551e-ed63-415d-9175-fc4ff825a0be"
    static let sharedCallingTarget = "TeamsSharedCallingRoutingPolicy|Tag:SC1"

    static let user1 = DirectoryAccount(objectID: omahaTarget, upn: "user1@contoso.com", kind: .user, enabled: true, accountType: "User",
                                        origin: RecordOrigin(file: "users.json", record: 1))
    static let user2 = DirectoryAccount(objectID: seattleTarget, upn: "user2@contoso.com", kind: .user, enabled: true, accountType: "User",
                                        origin: RecordOrigin(file: "users.json", record: 2))
    /// As Get-CsOnlineUser lists a resource account: disabled for sign-in by design.
    static let aa1 = DirectoryAccount(objectID: "9e2a7c1b-3f4d-4e5a-8b6c-7d8e9f0a1b2c", upn: "aa1@contoso.com", kind: .user, enabled: false,
                                      accountType: "ResourceAccount", applicationID: TeamsApplication.autoAttendant,
                                      origin: RecordOrigin(file: "users.json", record: 3))
    static let disabledUser = DirectoryAccount(objectID: "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", upn: "left@contoso.com", kind: .user,
                                               enabled: false, accountType: "User", origin: RecordOrigin(file: "users.json", record: 4))
    static let accounts = [user1, user2, aa1, disabledUser]

    static let ranges = """
    ranges:
      - id: omaha
        block: +14025551200..+14025551299
        source: calling-plan
        country: US
      - id: seattle-dr
        block: +12065551000..+12065551099
        source: direct-routing
        country: US
      - id: seattle-oc
        block: +12065552000..+12065552099
        source: operator-connect
        country: US

    """

    static func inventory(_ numbers: String, ranges: String = Documented.ranges,
                          config: String = "version: 1\ntenant: contoso.onmicrosoft.com\npolicy:\n  quarantine_days: 90\n") -> Inventory {
        let loaded = InventoryLoader.load(
            config: InventorySourceFile(path: "ddi.yaml", text: config),
            files: [InventorySourceFile(path: "numbers.yaml", text: ranges + "numbers:\n" + numbers)])
        return loaded.inventory
    }

    /// Example 1: the Calling Plan number, assigned to user1 (change what a test needs).
    static func omaha(status: LiveAssignmentStatus = .userAssigned, target: String? = omahaTarget, number: String = omahaNumber,
                      tags: [String]? = [], location: String? = omahaLocation) -> LiveNumber {
        LiveNumber(number: parse(number), numberType: .callingPlan, status: status, targetID: status.isAssigned ? target : nil,
                   category: status.isAssigned ? .primary : nil, locationID: location, tags: tags, activationState: .activated,
                   country: "US", capabilities: [.userAssignment], management: .online, portInOrderStatus: nil,
                   city: "Omaha", operatorID: omahaOperator, locationUpdateSupported: true,
                   origin: RecordOrigin(file: "numbers.json", record: 1))
    }

    /// Example 11: the Direct Routing number, managed on premises, no location (all-zero GUID read as none).
    static func seattle(status: LiveAssignmentStatus = .userAssigned, target: String? = seattleTarget, number: String = seattleNumber,
                        management: NumberManagement = .onPremises, location: String? = nil, tags: [String]? = []) -> LiveNumber {
        LiveNumber(number: parse(number), numberType: .directRouting, status: status, targetID: status.isAssigned ? target : nil,
                   category: status.isAssigned ? .primary : nil, locationID: location, tags: tags, activationState: .activated,
                   capabilities: [.conferenceAssignment, .voiceApplicationAssignment, .userAssignment], management: management,
                   portInOrderStatus: nil, operatorID: "83d289bc-a4d3-41e6-8a3f-cff260a3f091", locationUpdateSupported: true,
                   origin: RecordOrigin(file: "numbers.json", record: 2))
    }

    static func parse(_ text: String) -> PhoneNumber {
        guard case .success(let number) = PhoneNumber.parse(Substring(text)) else { preconditionFailure("bad test number \(text)") }
        return number
    }

    static func plan(_ inventory: Inventory, _ numbers: [LiveNumber], accounts: [DirectoryAccount] = Documented.accounts,
                     locations: [LiveLocation]? = nil, notes: [SnapshotNote] = [], today: Day? = Day(iso: "2026-11-27")) -> Plan {
        Planner.plan(inventory: inventory, snapshot: LiveSnapshot(numbers: numbers, accounts: accounts, locations: locations, notes: notes),
                     inputs: testInputs, today: today)
    }
}
