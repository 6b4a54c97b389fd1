import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

/// What `snapshot pull` asks Graph for and writes: every number (paged with $top/$skip) and the user
/// properties the checks read, in files the snapshot loader reads back.
final class SnapshotPullerTests: XCTestCase {
    func testPullPagesNumbersAndSelectsTheDirectoryPropertiesTheChecksRead() throws {
        let numbers: [[String: Any]] = (0..<2).map {
            ["id": "n\($0)", "telephoneNumber": "+4533\(100_000 + $0)", "numberType": "directRouting", "assignmentStatus": "unassigned",
             "capabilities": ["userAssignment"]]
        }
        let user: [String: Any] = [
            "id": "3f1e0c1a-0000-4000-8000-000000000001", "userPrincipalName": "ada@contoso.com", "accountEnabled": true, "usageLocation": "DK",
            "assignedPlans": [["servicePlanId": "4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "capabilityStatus": "Enabled", "service": "MicrosoftCommunicationsOnline", "assignedDateTime": "2024-01-02T10:00:00Z"]],
        ]
        // A full page of 2, then an empty one at $skip=2, then the users.
        let transport = ScriptedTransport([GraphFixtures.token, GraphFixtures.page(numbers), GraphFixtures.page([]), GraphFixtures.page([user])])
        let fetched = try SnapshotPuller.fetch(client: GraphFixtures.client(transport), pageSize: 2)
        XCTAssertEqual(fetched.numbers, 2)
        let numberQueries = transport.requests.filter { $0.url.path.hasSuffix("numberAssignments") }.compactMap(\.url.query)
        XCTAssertEqual(numberQueries, ["$top=2", "$top=2&$skip=2"])
        let userURL = try XCTUnwrap(transport.requests.first { $0.url.path.hasSuffix("/users") }?.url)
        let select = URLComponents(url: userURL, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "$select" }?.value ?? ""
        XCTAssertEqual(Set(select.split(separator: ",").map(String.init)), ["id", "userPrincipalName", "accountEnabled", "userType", "usageLocation", "assignedPlans"])
        // The loader reads what pull wrote, licences and usage location included.
        let sources = fetched.files.map { SnapshotSource(path: $0.key, bytes: [UInt8]($0.value)) }
        let snapshot = try SnapshotLoader.read(sources)
        XCTAssertEqual(snapshot.accounts.first?.servicePlans, ["MCOEV"])
        XCTAssertEqual(snapshot.accounts.first?.usageLocation, "DK")
    }

    /// Graph writes a selected property that is not set as null: the pull keeps it (the usage location
    /// was read and is empty); a response without the property says nothing, so the check is skipped.
    func testAnUnsetUsageLocationIsReportedAndAMissingOneIsNot() throws {
        let unset: [String: Any] = ["id": "3f1e0c1a-0000-4000-8000-000000000001", "userPrincipalName": "ada@contoso.com", "usageLocation": NSNull()]
        let missing: [String: Any] = ["id": "3f1e0c1a-0000-4000-8000-000000000002", "userPrincipalName": "bo@contoso.com"]
        let transport = ScriptedTransport([GraphFixtures.token, GraphFixtures.page([]), GraphFixtures.page([unset, missing])])
        let fetched = try SnapshotPuller.fetch(client: GraphFixtures.client(transport), pageSize: 2)
        let snapshot = try SnapshotLoader.read(fetched.files.map { SnapshotSource(path: $0.key, bytes: [UInt8]($0.value)) })
        let ada = try XCTUnwrap(snapshot.accounts.first { $0.upn == "ada@contoso.com" })
        let bo = try XCTUnwrap(snapshot.accounts.first { $0.upn == "bo@contoso.com" })
        XCTAssertTrue(ada.reported.contains(.usageLocation))
        XCTAssertNil(ada.usageLocation)
        XCTAssertFalse(bo.reported.contains(.usageLocation), "not in the response: not checked rather than guessed")
    }
}
