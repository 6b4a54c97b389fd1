import DDIKit
import XCTest
@testable import DDIPlan

/// The records Microsoft documents, read field by field.
/// PowerShell: Examples 1, 2, 9, 14, 15 and 16 of
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
/// (written as `ConvertTo-Json -EnumsAsStrings` and `Export-Csv` would write them).
/// Graph: Example 1 of https://learn.microsoft.com/graph/api/teamsadministration-telephonenumbermanagementroot-list-numberassignments
final class DocumentedNumberRecordsTests: XCTestCase {
    func read(_ text: String, file: String = "numbers.json") throws -> LiveSnapshot {
        try SnapshotLoader.read([SnapshotSource(path: file, bytes: Array(text.utf8))])
    }

    static let example1 = """
        {"TelephoneNumber": "+14025551234", "OperatorId": "2b24d246-a9ee-428b-96bc-fb9d9a053c8d", "NumberType": "CallingPlan",
         "ActivationState": "Activated", "AssignedPstnTargetId": "dc13d97b-7897-494e-bc28-6b469bf7a70e", "AssignmentCategory": "Primary",
         "Capability": ["UserAssignment"], "City": "Omaha", "CivicAddressId": "703b30e5-dbdd-4132-9809-4c6160a6acc7", "IsoCountryCode": "US",
         "IsoSubdivision": "Nebraska", "LocationId": "407c17ae-8c41-431e-894a-38787c682f68", "LocationUpdateSupported": true,
         "NetworkSiteId": null, "PortInOrderStatus": null, "PstnAssignmentStatus": "UserAssigned",
         "PstnPartnerId": "7fc2f2eb-89aa-41d7-93de-73d015d22ff0", "PstnPartnerName": "Microsoft", "NumberSource": "Online",
         "ReverseNumberLookup": [], "Tag": [], "AssignmentBlockedState": null, "AssignmentBlockedUntil": null, "SmsActivationState": "NotActivated"}
        """

    static let example2 = """
        {"TelephoneNumber": "+12065551000;ext=524", "OperatorId": "83d289bc-a4d3-41e6-8a3f-cff260a3f091", "NumberType": "DirectRouting",
         "ActivationState": "Activated", "AssignedPstnTargetId": "2713551e-ed63-415d-9175-fc4ff825a0be", "AssignmentCategory": "Primary",
         "Capability": ["ConferenceAssignment", "VoiceApplicationAssignment", "UserAssignment"], "City": null,
         "CivicAddressId": "00000000-0000-0000-0000-000000000000", "IsoCountryCode": null,
         "LocationId": "00000000-0000-0000-0000-000000000000", "LocationUpdateSupported": true, "PortInOrderStatus": null,
         "PstnAssignmentStatus": "UserAssigned", "NumberSource": "OnPremises", "Tag": [],
         "AssignmentBlockedState": null, "AssignmentBlockedUntil": null}
        """

    func testExample1CallingPlanNumberIsReadWithEveryFact() throws {
        let number = try XCTUnwrap(read(Self.example1).numbers.first)
        XCTAssertEqual(number.numberType, .callingPlan)
        XCTAssertEqual(number.status, .userAssigned)
        XCTAssertEqual(number.targetID, "dc13d97b-7897-494e-bc28-6b469bf7a70e")
        XCTAssertEqual(number.capabilities, [.userAssignment])
        XCTAssertEqual(number.activationState, .activated)
        XCTAssertEqual(number.management, .online)
        XCTAssertEqual(number.city, "Omaha")
        XCTAssertEqual(number.country, "US")
        XCTAssertEqual(number.operatorID, "2b24d246-a9ee-428b-96bc-fb9d9a053c8d")
        XCTAssertEqual(number.locationID, "407c17ae-8c41-431e-894a-38787c682f68")
        XCTAssertEqual(number.locationUpdateSupported, true)
        XCTAssertNil(number.portInOrderStatus)
        XCTAssertNil(number.assignmentBlock)
    }

    func testExample2DirectRoutingExtensionOnPremisesWithTheAllZeroLocationMeaningNone() throws {
        let snapshot = try read(Self.example2)
        let number = try XCTUnwrap(snapshot.numbers.first)
        XCTAssertEqual(number.number.description, "+12065551000;ext=524")
        XCTAssertEqual(number.management, .onPremises)
        XCTAssertEqual(number.capabilities, [.conferenceAssignment, .voiceApplicationAssignment, .userAssignment])
        XCTAssertNil(number.locationID, "the all-zero GUID means no location")
        XCTAssertNil(number.city)
        XCTAssertTrue(snapshot.notes.isEmpty, "\(snapshot.notes)")
    }

    func testExamples14And15AssignmentBlocks() throws {
        let forever = #"{"TelephoneNumber": "+14025551234", "NumberType": "CallingPlan", "PstnAssignmentStatus": "Unassigned", "AssignedPstnTargetId": null, "AssignmentBlockedState": "BlockedForever", "AssignmentBlockedUntil": null}"#
        XCTAssertEqual(try read(forever).numbers.first?.assignmentBlock, AssignmentBlock(forever: true))
        let until = #"{"TelephoneNumber": "+14025551234", "NumberType": "CallingPlan", "PstnAssignmentStatus": "Unassigned", "AssignmentBlockedState": "BlockedUntil", "AssignmentBlockedUntil": "2025-10-11T21:30:00.0000000Z"}"#
        XCTAssertEqual(try read(until).numbers.first?.assignmentBlock, AssignmentBlock(forever: false, until: "2025-10-11"))
        let notBlocked = #"{"TelephoneNumber": "+13603227351", "NumberType": "CallingPlan", "PstnAssignmentStatus": "Unassigned", "AssignmentBlockedState": "NotBlocked"}"#
        XCTAssertNil(try read(notBlocked).numbers.first?.assignmentBlock)
    }

    func testABlockEndingAtMidnightLastsUntilTheDayBeforeAndWindowsPowerShellDatesAreRead() {
        XCTAssertEqual(FieldReader.lastBlockedDay("2025-10-12T00:00:00Z"), "2025-10-11")
        XCTAssertEqual(FieldReader.lastBlockedDay("2025-10-12T01:30:00+02:00"), "2025-10-11")
        XCTAssertEqual(FieldReader.lastBlockedDay("/Date(1760218200000)/"), "2025-10-11")
        XCTAssertNil(FieldReader.lastBlockedDay("10/11/2025 9:30:00 PM"))
        XCTAssertNil(FieldReader.lastBlockedDay("2025-13-01"))
    }

    func testExample16CapabilitiesThatSayNothingAboutTheHolderAreReadQuietly() throws {
        let record = #"{"TelephoneNumber": "+13603227351", "NumberType": "CallingPlan", "PstnAssignmentStatus": "UserAssigned", "AssignedPstnTargetId": "2d43c5da-649b-406b-9d32-d130d2c53018", "Capability": ["Geographic", "InboundCalling", "OutboundCalling", "UserAssignment"]}"#
        let snapshot = try read(record)
        XCTAssertEqual(snapshot.numbers.first?.capabilities, [.userAssignment])
        XCTAssertTrue(snapshot.notes.isEmpty, "\(snapshot.notes)")
    }

    func testExample9SharedCallingPolicyTargetKeepsItsText() throws {
        let record = #"{"TelephoneNumber": "+14255550100", "NumberType": "CallingPlan", "PstnAssignmentStatus": "PolicyAssigned", "AssignedPstnTargetId": "TeamsSharedCallingRoutingPolicy|Tag:SC1"}"#
        let number = try XCTUnwrap(read(record).numbers.first)
        XCTAssertEqual(number.status, .policyAssigned)
        XCTAssertEqual(number.targetID, "TeamsSharedCallingRoutingPolicy|Tag:SC1", "case kept, never lowercased like an object id")
    }

    func testExportCsvWritesCapabilitiesJoinedOrAsPowerShellShowsThem() throws {
        let csv = """
            TelephoneNumber,NumberType,PstnAssignmentStatus,AssignedPstnTargetId,Capability,LocationId,OperatorId,City,NumberSource,LocationUpdateSupported
            +14025551234,CallingPlan,Unassigned,,{UserAssignment},00000000-0000-0000-0000-000000000000,,Omaha,Online,True
            +12065551000,DirectRouting,Unassigned,,"ConferenceAssignment, VoiceApplicationAssignment, UserAssignment",,,,OnPremises,False
            +12065551001,DirectRouting,Unassigned,,System.Collections.Generic.List`1[System.String],,,,Online,
            """
        let numbers = try read(csv, file: "numbers.csv").numbers
        let byNumber = Dictionary(uniqueKeysWithValues: numbers.map { ($0.number.description, $0) })
        XCTAssertEqual(byNumber["+14025551234"]?.capabilities, [.userAssignment])
        XCTAssertNil(byNumber["+14025551234"]?.locationID)
        XCTAssertNil(byNumber["+14025551234"]?.operatorID, "an empty OperatorId is null, as for Operator Connect numbers the operator does not manage")
        XCTAssertEqual(byNumber["+14025551234"]?.locationUpdateSupported, true)
        XCTAssertEqual(byNumber["+12065551000"]?.capabilities, [.conferenceAssignment, .voiceApplicationAssignment, .userAssignment])
        XCTAssertEqual(byNumber["+12065551000"]?.management, .onPremises)
        XCTAssertNil(byNumber["+12065551001"]?.capabilities, "a collection type name carries no items: not checked")
    }

    static let graphExample1 = """
        {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#admin/teams/telephoneNumberManagement/numberAssignments",
         "value": [
          {"@odata.type": "#microsoft.graph.teamsAdministration.numberAssignment", "id": "YmMyNjMyZTMtNzUwYy00N2Q3LWFlYWUtOWZlZTAzNWJjMGM3fCsxMjAyMzQ1Njc4OA",
           "telephoneNumber": "+112345", "operatorId": "7a205197-8e59-487d-b9fa-3fc1b108f1e5", "numberType": "directRouting",
           "activationState": "activated", "capabilities": ["conferenceAssignment", "voiceApplicationAssignment", "userAssignment"],
           "locationId": null, "civicAddressId": null, "networkSiteId": null, "assignmentTargetId": "22ed44ab-7759-4649-818e-6af3242dbc5d",
           "assignmentCategory": "primary", "portInStatus": null, "assignmentStatus": "userAssigned", "isoCountryCode": null, "city": null,
           "numberSource": "online", "supportedCustomerActions": ["locationUpdate"], "reverseNumberLookupOptions": []},
          {"@odata.type": "#microsoft.graph.teamsAdministration.numberAssignment", "id": "YmMyNjMyZTMtNzUwYy00N2Q3LWFlYWUtOWZlZTAzNWJjMGM3fCsxMjAyMzQ1Njc4OQ",
           "telephoneNumber": "+12052582895", "operatorId": "0019adbc-b82a-47b4-a799-4e993a9982f1", "numberType": "callingPlan",
           "activationState": "activated", "capabilities": ["conferenceAssignment"], "locationId": null, "civicAddressId": null,
           "networkSiteId": null, "assignmentTargetId": "207a6836-d031-4764-a9d8-c1193f455f21", "assignmentCategory": "primary",
           "portInStatus": null, "assignmentStatus": "conferenceAssigned", "isoCountryCode": "US", "city": "Clanton",
           "numberSource": "online", "supportedCustomerActions": ["locationUpdate", "release"], "reverseNumberLookupOptions": []}
         ]}
        """

    func testGraphListExample1() throws {
        let snapshot = try read(Self.graphExample1, file: "page.json")
        XCTAssertEqual(snapshot.files.first?.format, .graphPage)
        let byNumber = Dictionary(uniqueKeysWithValues: snapshot.numbers.map { ($0.number.description, $0) })
        let direct = try XCTUnwrap(byNumber["+112345"])
        XCTAssertEqual(direct.capabilities, [.conferenceAssignment, .voiceApplicationAssignment, .userAssignment])
        XCTAssertEqual(direct.activationState, .activated)
        XCTAssertEqual(direct.management, .online)
        XCTAssertEqual(direct.locationUpdateSupported, true)
        let conference = try XCTUnwrap(byNumber["+12052582895"])
        XCTAssertEqual(conference.status, .conferenceAssigned)
        XCTAssertEqual(conference.capabilities, [.conferenceAssignment])
        XCTAssertEqual(conference.city, "Clanton")
        XCTAssertEqual(conference.country, "US")
        XCTAssertEqual(conference.targetID, "207a6836-d031-4764-a9d8-c1193f455f21")
        XCTAssertTrue(snapshot.notes.isEmpty, "\(snapshot.notes)")
    }
}
