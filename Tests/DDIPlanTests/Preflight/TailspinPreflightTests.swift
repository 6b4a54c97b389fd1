import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// examples/tailspin breaks one of Teams' rules per pending change. Read here straight from its
/// exports (every property the checks use, whichever snapshot reader is built), its plan shows
/// exactly one finding of each preflight check and skips none.
final class TailspinPreflightTests: XCTestCase {
    func testTheExampleShowsOneFindingOfEachCheckWhenTheExportsCarryEveryInput() throws {
        let root = RepositoryFiles.path("examples/tailspin")
        let loaded = try InventoryLoader.load(root: root)
        XCTAssertFalse(Validator.validate(loaded, today: RuleExample.today).hasErrors, "the example's inventory is valid")
        let snapshot = LiveSnapshot(numbers: try Self.numbers(root + "/live/phone-numbers.json"), accounts: try Self.accounts(root + "/live/users.json"),
                                    locations: try Self.locations(root + "/pending/lis-locations.json"))
        let planned = Preflight.check(plan(loaded.inventory, snapshot), snapshot: snapshot, overrides: loaded.inventory.config.ruleOverrides)
        let preflight = planned.findings.filter { $0.kind == .preflight }
        XCTAssertFalse(preflight.contains { $0.message.hasPrefix("not checked") }, "\(preflight.map(\.message))")
        for id in PreflightCatalog.ids {
            let found = preflight.filter { $0.checkID == id }
            XCTAssertEqual(found.count, 1, "\(id): \(found.map(\.message))")
        }
        XCTAssertEqual(preflight.first { $0.checkID == "PF006" }?.severity, .warning, "ddi.yaml keeps PF006 a warning")
    }

    // Minimal readers of the documented export shapes, for this test only.

    static func records(_ path: String) throws -> [[String: Any]] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [[String: Any]])
    }

    static func accounts(_ path: String) throws -> [DirectoryAccount] {
        try records(path).enumerated().map { index, record in
            let plans = (record["AssignedPlan"] as? [[String: Any]] ?? [])
                .filter { $0["CapabilityStatus"] as? String == "Enabled" }.compactMap { $0["Capability"] as? String }
            let type = record["AccountType"] as? String
            return DirectoryAccount(
                objectID: (record["Identity"] as? String ?? "").lowercased(), upn: record["UserPrincipalName"] as? String ?? "",
                kind: type == "ResourceAccount" ? .resourceAccount : .user, enabled: record["AccountEnabled"] as? Bool, accountType: type,
                usageLocation: record["UsageLocation"] as? String, servicePlans: plans,
                enterpriseVoiceEnabled: record["EnterpriseVoiceEnabled"] as? Bool, voiceRoutingPolicy: record["OnlineVoiceRoutingPolicy"] as? String,
                reported: [.accountEnabled, .accountType, .usageLocation, .licences, .enterpriseVoiceEnabled, .voiceRoutingPolicy],
                origin: RecordOrigin(file: "live/users.json", record: index + 1))
        }
    }

    static func numbers(_ path: String) throws -> [LiveNumber] {
        try records(path).enumerated().map { index, record in
            let number = try PhoneNumber.parse(Substring(record["TelephoneNumber"] as? String ?? "")).get()
            let type: NumberSource = record["NumberType"] as? String == "CallingPlan" ? .callingPlan : .directRouting
            let assigned = record["PstnAssignmentStatus"] as? String == "UserAssigned"
            let location = (record["LocationId"] as? String).flatMap { $0.hasPrefix("00000000") ? nil : $0 }
            return LiveNumber(
                number: number, numberType: type, status: assigned ? .userAssigned : .unassigned,
                targetID: (record["AssignedPstnTargetId"] as? String)?.lowercased(), category: assigned ? .primary : nil,
                locationID: location, tags: [], country: record["IsoCountryCode"] as? String,
                capabilities: (record["Capability"] as? [String] ?? []).compactMap(NumberCapability.init(rawValue:)),
                origin: RecordOrigin(file: "live/phone-numbers.json", record: index + 1))
        }
    }

    static func locations(_ path: String) throws -> [LiveLocation] {
        try records(path).enumerated().map { index, record in
            LiveLocation(locationID: (record["LocationId"] as? String ?? "").lowercased(), description: record["Description"] as? String,
                         city: record["City"] as? String, countryOrRegion: record["CountryOrRegion"] as? String,
                         origin: RecordOrigin(file: "live/lis-locations.json", record: index + 1),
                         validationStatus: record["ValidationStatus"] as? String)
        }
    }
}
