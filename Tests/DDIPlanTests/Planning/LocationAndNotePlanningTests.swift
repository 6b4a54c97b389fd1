import DDIKit
import XCTest
@testable import DDIPlan

/// Issue 11 items 8 (a declared removal clears the location where Teams allows it, else a finding;
/// plans name LIS locations) and 9 (snapshot notes become `snapshot` findings).
final class LocationAndNotePlanningTests: XCTestCase {
    private func holder(_ number: String, _ upn: String, location: String?) -> String {
        """
          - number: "\(number)"
            status: assigned
            kind: user
            assigned_to: \(upn)
            owner: \(upn)
        \(location.map { "    location_id: \($0)\n" } ?? "")
        """
    }

    /// Get-CsOnlineLisLocation's documented fields (LocationId, Description, City):
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation
    private let omahaLIS = LiveLocation(locationID: Documented.omahaLocation, description: "Omaha HQ", city: "Omaha", countryOrRegion: "US",
                                        origin: RecordOrigin(file: "locations.json", record: 1))

    func testDeclaredRemovalClearsADirectRoutingLocation() {
        for marker in ["none", "None", "\"\"", "\"null\"", "00000000-0000-0000-0000-000000000000"] {
            let inventory = Documented.inventory(holder(Documented.seattleNumber, "user2@contoso.com", location: marker))
            let live = Documented.seattle(management: .online, location: "951fac72-955e-4734-ab74-cc4c0f761c0b")
            let plan = Documented.plan(inventory, [live])
            XCTAssertEqual(plan.findings, [], marker)
            XCTAssertEqual(plan.actions.count, 1, marker)
            XCTAssertEqual(plan.actions.first?.changes, [.locationID], marker)
            XCTAssertNil(plan.actions.first?.locationID, "a nil location with a location change clears it (\(marker))")
            XCTAssertNil(plan.actions.first?.after.locationID)
        }
    }

    func testAClearedLocationIsAFixedPoint() {
        // Assign and update both clear; once applied, nothing is left to do.
        let inventory = Documented.inventory(holder(Documented.seattleNumber, "user2@contoso.com", location: "none")
                                             + holder("+12065551001", "user1@contoso.com", location: "none"))
        let live = [Documented.seattle(management: .online, location: "951fac72-955e-4734-ab74-cc4c0f761c0b"),
                    Documented.seattle(status: .unassigned, number: "+12065551001", management: .online, location: "951fac72-955e-4734-ab74-cc4c0f761c0b")]
        let snapshot = LiveSnapshot(numbers: live, accounts: Documented.accounts)
        let first = Planner.plan(inventory: inventory, snapshot: snapshot, inputs: testInputs)
        XCTAssertEqual(first.actions.map(\.kind), [.update, .assign])
        XCTAssertTrue(first.actions.allSatisfy { $0.changes.contains(.locationID) && $0.locationID == nil })
        let applied = PlanSimulator.apply(first, to: snapshot)
        XCTAssertEqual(Planner.plan(inventory: inventory, snapshot: applied, inputs: testInputs).actions, [])
    }

    func testNoLocationDeclaredLeavesTheLiveOneAlone() {
        // A plain YAML null is a key not written, as everywhere in the inventory.
        for location in [nil, "null", "~"] {
            let inventory = Documented.inventory(holder(Documented.seattleNumber, "user2@contoso.com", location: location))
            let live = Documented.seattle(management: .online, location: "951fac72-955e-4734-ab74-cc4c0f761c0b")
            XCTAssertEqual(Documented.plan(inventory, [live]).actions, [], location ?? "not written")
        }
    }

    func testAnEntryRemovalWinsOverItsRangesLocation() {
        let ranges = """
        ranges:
          - id: seattle-dr
            block: +12065551000..+12065551099
            source: direct-routing
            country: US
            location_id: 951fac72-955e-4734-ab74-cc4c0f761c0b

        """
        let live = Documented.seattle(management: .online, location: "951fac72-955e-4734-ab74-cc4c0f761c0b")
        let removed = Documented.inventory(holder(Documented.seattleNumber, "user2@contoso.com", location: "none"), ranges: ranges)
        XCTAssertEqual(Documented.plan(removed, [live]).actions.first?.changes, [.locationID])
        let inherited = Documented.inventory(holder(Documented.seattleNumber, "user2@contoso.com", location: nil), ranges: ranges)
        XCTAssertEqual(Documented.plan(inherited, [live]).actions, [])
    }

    func testRemovalOnACallingPlanNumberIsAFindingNotAStep() {
        let inventory = Documented.inventory(holder(Documented.omahaNumber, "user1@contoso.com", location: "none"))
        let plan = Documented.plan(inventory, [Documented.omaha()])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.location])
        XCTAssertTrue(plan.findings[0].message.contains("Calling Plan"), plan.findings[0].message)
    }

    func testRemovalOnAnOperatorManagedOperatorConnectNumberIsAFinding() {
        let inventory = Documented.inventory(holder("+12065552000", "user1@contoso.com", location: "none"))
        var live = Documented.omaha(number: "+12065552000")
        live.numberType = .operatorConnect
        live.operatorID = "2b24d246-a9ee-428b-96bc-fb9d9a053c8d"
        XCTAssertEqual(Documented.plan(inventory, [live]).findings.map(\.kind), [.location])
        live.operatorID = nil
        let plan = Documented.plan(inventory, [live])
        XCTAssertEqual(plan.findings, [])
        XCTAssertEqual(plan.actions.first?.changes, [.locationID])
    }

    func testLocationUpdateNotSupportedIsAFinding() {
        let inventory = Documented.inventory(holder(Documented.omahaNumber, "user1@contoso.com", location: "951fac72-955e-4734-ab74-cc4c0f761c0b"))
        var live = Documented.omaha()
        live.locationUpdateSupported = false
        let plan = Documented.plan(inventory, [live])
        XCTAssertEqual(plan.actions, [])
        XCTAssertEqual(plan.findings.map(\.kind), [.location])
    }

    func testPlanNamesLISLocations() {
        let inventory = Documented.inventory(holder(Documented.omahaNumber, "user1@contoso.com", location: Documented.omahaLocation))
        let plan = Documented.plan(inventory, [Documented.omaha(status: .unassigned, location: nil)], locations: [omahaLIS])
        XCTAssertEqual(plan.actions.first?.locationDescription, "Omaha HQ, Omaha")
        let text = PlanTextRenderer.render(plan)
        XCTAssertTrue(text.contains("+ location_id: \(Documented.omahaLocation) (Omaha HQ, Omaha)"), text)
        let markdown = PlanMarkdownRenderer.render(plan)
        XCTAssertTrue(markdown.contains("`\(Documented.omahaLocation)` (Omaha HQ, Omaha)"), markdown)
    }

    func testSnapshotNotesBecomeFindings() {
        let notes = [
            SnapshotNote(severity: .warning, file: "numbers.json", record: 3, number: "+14025551299",
                         message: "ActivationState 'unknownFutureValue' is not known to this ddi: the record is read without it"),
            SnapshotNote(severity: .warning, file: "numbers.json", message: "exactly 500 records: Get-CsPhoneNumberAssignment returns 500 by default"),
            SnapshotNote(severity: .info, file: "numbers.json", record: 4, number: "not a number", message: "odd"),
        ]
        let plan = Documented.plan(Documented.inventory(""), [], notes: notes)
        XCTAssertEqual(plan.findings.map(\.kind), [.snapshot, .snapshot, .snapshot])
        let byMessage = Dictionary(uniqueKeysWithValues: plan.findings.map { ($0.message, $0) })
        let record = byMessage.values.first { $0.number == "+14025551299" }
        XCTAssertEqual(record?.severity, .warning)
        XCTAssertEqual(record?.live, RecordOrigin(file: "numbers.json", record: 3))
        let whole = byMessage.values.first { $0.live == nil }
        XCTAssertEqual(whole?.number, "")
        XCTAssertTrue(whole?.message.hasPrefix("numbers.json: exactly 500") == true)
        XCTAssertEqual(byMessage.values.first { $0.severity == .info }?.number, "", "a number that does not parse is not copied")
        XCTAssertEqual(plan.summary.warnings, 2)
    }
}
