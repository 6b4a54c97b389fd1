import DDIKit
import XCTest
@testable import DDIPlan

/// Identity types, usage location, licences, Enterprise Voice and voice routing policy from the
/// directory exports, and `reported` saying which of them the export carried.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlineuser
final class DirectoryFieldsTests: XCTestCase {
    func read(_ text: String, file: String = "users.json") throws -> LiveSnapshot {
        try SnapshotLoader.read([SnapshotSource(path: file, bytes: Array(text.utf8))])
    }

    /// AccountType values are documented under -AccountType (User, ResourceAccount, Guest, SfBOnPremUser,
    /// IneligibleUser); AssignedPlan is a JSON array since module 3.0.0; policies are objects.
    static let users = """
        [{"Identity": "3F1E0C1A-0000-4000-8000-000000000001", "UserPrincipalName": "ada@contoso.com", "AccountEnabled": true,
          "AccountType": "User", "UsageLocation": "dk", "EnterpriseVoiceEnabled": true, "LineUri": "tel:+4533121000",
          "OnlineVoiceRoutingPolicy": {"Name": "DK-National", "Authority": "Tenant"},
          "AssignedPlan": [{"Capability": "MCOEV", "CapabilityStatus": "Enabled", "AssignedTimestamp": "2024-01-02T10:00:00Z"},
                           {"Capability": "MCOPSTN1", "CapabilityStatus": "Deleted"}, {"Capability": "TEAMS1", "CapabilityStatus": "Enabled"}]},
         {"Identity": "3f1e0c1a-0000-4000-8000-000000000002", "UserPrincipalName": "ra-reception@contoso.com", "AccountEnabled": false,
          "AccountType": "ResourceAccount", "UsageLocation": "DK", "EnterpriseVoiceEnabled": true, "OnlineVoiceRoutingPolicy": null,
          "AssignedPlan": ["MCOEV_VIRTUALUSER"]}]
        """

    func testGetCsOnlineUserJSONCarriesTypeLicencesAndVoiceSettings() throws {
        let accounts = try read(Self.users).accounts
        let ada = try XCTUnwrap(accounts.first { $0.upn == "ada@contoso.com" })
        XCTAssertEqual(ada.objectID, "3f1e0c1a-0000-4000-8000-000000000001")
        XCTAssertTrue(ada.isUser)
        XCTAssertEqual(ada.usageLocation, "DK")
        XCTAssertEqual(ada.servicePlans, ["MCOEV", "TEAMS1"], "a deleted plan is not a licence")
        XCTAssertEqual(ada.enterpriseVoiceEnabled, true)
        XCTAssertEqual(ada.voiceRoutingPolicy, "DK-National")
        XCTAssertEqual(ada.reported, [.accountEnabled, .accountType, .usageLocation, .licences, .enterpriseVoiceEnabled, .voiceRoutingPolicy])
        let reception = try XCTUnwrap(accounts.first { $0.upn == "ra-reception@contoso.com" })
        XCTAssertEqual(reception.kind, .resourceAccount, "AccountType ResourceAccount")
        XCTAssertFalse(reception.isUser, "disabled by design, never a disabled user")
        XCTAssertEqual(reception.enabled, false)
        XCTAssertEqual(reception.servicePlans, ["MCOEV_VIRTUALUSER"])
        XCTAssertNil(reception.voiceRoutingPolicy)
        XCTAssertTrue(reception.reported.contains(.voiceRoutingPolicy), "null was exported: no policy of its own, not unknown")
    }

    func testAnExportWithoutTheColumnsReportsNothingAndGuessesNothing() throws {
        let csv = "#TYPE Deserialized.Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser\nIdentity,UserPrincipalName,LineUri,AssignedPlan\n3f1e0c1a-0000-4000-8000-000000000001,ada@contoso.com,tel:+4533121000,System.Object[]\n"
        let ada = try XCTUnwrap(read(csv, file: "users.csv").accounts.first)
        XCTAssertEqual(ada.reported, [])
        XCTAssertNil(ada.servicePlans)
        XCTAssertNil(ada.usageLocation)
        XCTAssertNil(ada.enterpriseVoiceEnabled)
    }

    /// Graph `assignedPlans` name plans by `servicePlanId`; the ids are those of "Product names and
    /// service plan identifiers for licensing" (MCOEV 4828c8ec-..., MCOMEETADV 3e26ee1f-...).
    /// https://learn.microsoft.com/graph/api/resources/assignedplan
    func testGraphUsersNamePlansByServicePlanId() throws {
        let page = """
            {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users", "value": [
              {"id": "3f1e0c1a-0000-4000-8000-000000000001", "userPrincipalName": "ada@contoso.com", "accountEnabled": true, "usageLocation": "DK",
               "assignedPlans": [{"assignedDateTime": "2024-01-02T10:00:00Z", "capabilityStatus": "Enabled", "service": "MicrosoftCommunicationsOnline", "servicePlanId": "4828c8ec-dc2e-4779-b502-87ac9ce28ab7"},
                                 {"capabilityStatus": "Enabled", "service": "MicrosoftCommunicationsOnline", "servicePlanId": "3E26EE1F-8A5F-4D52-AEE2-B81CE45C8F40"},
                                 {"capabilityStatus": "Suspended", "service": "MicrosoftCommunicationsOnline", "servicePlanId": "4ed3ff63-69d7-4fb7-b984-5aec7f605ca8"}]}]}
            """
        let ada = try XCTUnwrap(read(page).accounts.first)
        XCTAssertEqual(ada.servicePlans, ["MCOEV", "MCOMEETADV"])
        XCTAssertEqual(ada.reported, [.accountEnabled, .usageLocation, .licences])
    }

    func testApplicationInstancesAreResourceAccountsWithTheirApplication() throws {
        let json = #"[{"ObjectId": "7e1b2c3d-0000-4000-8000-0000000000aa", "UserPrincipalName": "ra-queue@contoso.com", "ApplicationId": "11CD3E2E-FCCB-42AD-AD00-878B93575E07", "PhoneNumber": "tel:+4533121099"}]"#
        let account = try XCTUnwrap(read(json, file: "ra.json").accounts.first)
        XCTAssertEqual(account.kind, .resourceAccount)
        XCTAssertEqual(account.applicationID, TeamsApplication.callQueue)
    }

    /// A Graph users export cannot tell resource accounts; the number a voice application holds can:
    /// its holder is a resource account.
    func testTheHolderOfAVoiceApplicationNumberIsAResourceAccountWhenTheDirectoryCannotSay() throws {
        let users = #"[{"id": "7e1b2c3d-0000-4000-8000-0000000000aa", "userPrincipalName": "ra-queue@contoso.com", "accountEnabled": false}, {"id": "7e1b2c3d-0000-4000-8000-0000000000bb", "userPrincipalName": "bob@contoso.com", "accountEnabled": false}]"#
        let numbers = #"[{"TelephoneNumber": "+4533121099", "NumberType": "DirectRouting", "PstnAssignmentStatus": "VoiceApplicationAssigned", "AssignedPstnTargetId": "7e1b2c3d-0000-4000-8000-0000000000aa"}]"#
        let snapshot = try SnapshotLoader.read([SnapshotSource(path: "users.json", bytes: Array(users.utf8)), SnapshotSource(path: "n.json", bytes: Array(numbers.utf8))])
        XCTAssertEqual(snapshot.accounts.first { $0.upn == "ra-queue@contoso.com" }?.kind, .resourceAccount)
        XCTAssertEqual(snapshot.accounts.first { $0.upn == "bob@contoso.com" }?.kind, .user)
    }

    /// Only the members a check reads are kept: a large tenant's Get-CsOnlineUser export has millions of others.
    func testObjectsKeepOnlyTheMembersDdiReads() throws {
        let export = try JSONRecordReader.read(Array(Self.users.utf8))
        guard case .list(let plans)? = export.records.first?[.assignedPlans], case .object(let first)? = plans.first else {
            return XCTFail("AssignedPlan is a list of objects")
        }
        XCTAssertEqual(Set(first.keys), ["capability", "capabilitystatus"], "AssignedTimestamp is skipped")
    }

    func testAPlanListOfTheWrongTypeIsAnError() {
        XCTAssertThrowsError(try read(#"[{"Identity": "a", "UserPrincipalName": "ada@contoso.com", "AssignedPlan": 5}]"#))
        XCTAssertThrowsError(try read(#"[{"Identity": "a", "UserPrincipalName": "ada@contoso.com", "AssignedPlan": [5]}]"#))
    }
}
