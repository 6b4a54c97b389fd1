import DDIKit
import XCTest
@testable import DDIPlan

/// `Export-CsAcquiredPhoneNumber`'s file and `Get-CsOnlineLisLocation` output, told by content.
final class NewExportFormatsTests: XCTestCase {
    func read(_ text: String, file: String) throws -> LiveSnapshot {
        try SnapshotLoader.read([SnapshotSource(path: file, bytes: Array(text.utf8))])
    }

    /// Columns as the page lists them ("Available properties"), in that order.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/export-csacquiredphonenumber
    static let acquired = """
        TelephoneNumber,OperatorId,NumberType,LocationId,CivicAddressId,NetworkSiteId,AvailableCapabilities,AcquiredCapabilities,AssignmentStatus,PlaceName,ActivationState,PartnerName,IsoCountryCode,PortInOrderStatus,CapabilityUpdateSupported,AcquisitionDate,TargetId,TargetType,AssignmentCategory,CallingProfileId,IsoSubdivisionCode,NumberSource,SupportedCustomerActions,ReverseNumberLookup,RoutingOptions
        +14025551234,2b24d246-a9ee-428b-96bc-fb9d9a053c8d,CallingPlan,407c17ae-8c41-431e-894a-38787c682f68,703b30e5-dbdd-4132-9809-4c6160a6acc7,,"UserAssignment,ConferenceAssignment","UserAssignment",UserAssigned,Omaha,Activated,Microsoft,US,,True,2024-08-29T21:50:54Z,DC13D97B-7897-494E-BC28-6B469BF7A70E,User,Primary,,NE,Online,LocationUpdate,,
        +12065551000,,DirectRouting,,,,,"ConferenceAssignment,VoiceApplicationAssignment,UserAssignment",Unassigned,,Activated,,,,,2024-08-29T21:50:54Z,,,,,,Online,,,
        """

    func testTheAcquiredNumbersFileIsANumbersExportOfItsOwn() throws {
        let snapshot = try read(Self.acquired, file: "acquired.csv")
        XCTAssertEqual(snapshot.files.first?.format, .acquiredNumbersCSV)
        XCTAssertTrue(snapshot.files.first?.format.isNumbers ?? false)
        let first = try XCTUnwrap(snapshot.numbers.first { $0.number.description == "+14025551234" })
        XCTAssertEqual(first.status, .userAssigned)
        XCTAssertEqual(first.targetID, "dc13d97b-7897-494e-bc28-6b469bf7a70e", "TargetId is the holder's object id")
        XCTAssertEqual(first.capabilities, [.userAssignment], "AcquiredCapabilities, not AvailableCapabilities")
        XCTAssertEqual(first.category, .primary)
        XCTAssertEqual(first.locationID, "407c17ae-8c41-431e-894a-38787c682f68")
        let second = try XCTUnwrap(snapshot.numbers.first { $0.number.description == "+12065551000" })
        XCTAssertEqual(second.capabilities, [.conferenceAssignment, .voiceApplicationAssignment, .userAssignment])
        XCTAssertNil(second.operatorID)
        XCTAssertEqual(SnapshotLoader.recognisedFormat(of: Array(Self.acquired.utf8)), .acquiredNumbersCSV)
    }

    func testACsvOfGetCsPhoneNumberAssignmentIsStillTeamsCsv() throws {
        let csv = "TelephoneNumber,NumberType,PstnAssignmentStatus\n+14025551234,CallingPlan,Unassigned\n"
        XCTAssertEqual(try read(csv, file: "n.csv").files.first?.format, .teamsCSV)
    }

    /// Property names as the cmdlet's parameters name them (LocationId, Description, City,
    /// CountryOrRegion, CivicAddressId, Location).
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation
    static let locationsJSON = """
        [{"LocationId": "5AA884E8-D548-4B8E-A289-52BFD5265A6E", "CivicAddressId": "a363a9b8-1acd-41de-916a-296c7998a024",
          "Location": "3rd Floor Cafe", "Description": "Seattle HQ", "City": "Seattle", "CountryOrRegion": "us", "ValidationStatus": "Validated"},
         {"LocationId": "c0d3f3a5-5b0a-4a8e-9f1e-2b4a3f1e9d10", "CivicAddressId": "a363a9b8-1acd-41de-916a-296c7998a024",
          "Location": null, "Description": "Seattle HQ", "City": "Seattle", "CountryOrRegion": "US"}]
        """

    func testLisLocationsJSONFillTheLocations() throws {
        let snapshot = try read(Self.locationsJSON, file: "locations.json")
        XCTAssertEqual(snapshot.files.first?.format, .lisLocationsJSON)
        let locations = try XCTUnwrap(snapshot.locations)
        XCTAssertEqual(locations.map(\.locationID), ["5aa884e8-d548-4b8e-a289-52bfd5265a6e", "c0d3f3a5-5b0a-4a8e-9f1e-2b4a3f1e9d10"])
        XCTAssertEqual(locations.map(\.description), ["3rd Floor Cafe", "Seattle HQ"])
        XCTAssertEqual(locations.first?.city, "Seattle")
        XCTAssertEqual(locations.first?.countryOrRegion, "US")
        XCTAssertEqual(locations.map(\.validationStatus), ["Validated", nil], "ValidationStatus is what PF010 reads; absent stays nil")
        XCTAssertTrue(snapshot.numbers.isEmpty)
    }

    func testLisLocationsCSVAndNoLisExportMeansNil() throws {
        let csv = "#TYPE Deserialized.Microsoft.Rtc.Management.Hosted.Emergency.LocationSchema\nLocationId,CivicAddressId,Location,City,CountryOrRegion\n5aa884e8-d548-4b8e-a289-52bfd5265a6e,a363a9b8-1acd-41de-916a-296c7998a024,3rd Floor Cafe,Seattle,US\n"
        let snapshot = try read(csv, file: "locations.csv")
        XCTAssertEqual(snapshot.files.first?.format, .lisLocationsCSV)
        XCTAssertEqual(snapshot.locations?.count, 1)
        XCTAssertNil(try read(#"[{"TelephoneNumber": "+14025551234", "NumberType": "CallingPlan", "PstnAssignmentStatus": "Unassigned"}]"#, file: "n.json").locations,
                     "without a LIS export the location check is not run")
    }

    func testALocationWithoutAnIdIsAnError() {
        XCTAssertThrowsError(try read(#"[{"LocationId": "", "CountryOrRegion": "US"}]"#, file: "locations.json"))
    }
}
