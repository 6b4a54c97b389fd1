import Foundation
import XCTest
@testable import DDIApply

/// The long-running operation behind assignNumber / unassignNumber: its documented shape and its
/// per-number `status` / `statusDetail`, so a failure says why Teams refused it.
/// https://learn.microsoft.com/graph/api/teamsadministration-telephonenumberlongrunningoperation-get?view=graph-rest-1.0
final class GraphOperationTests: XCTestCase {
    static let accepted = HTTPResponse(status: 202, headers: [
        "Location": "http://127.0.0.1:1/v1.0/admin/teams/telephoneNumberManagement/operations('QXNzaWdubWVudHw2Y2E4Yjc0Ni00YzgxLTRhY2EtOTUyNi1jZmNjNGRiYWYyMmI')",
    ])

    static func operation(_ json: String) -> HTTPResponse { HTTPResponse(status: 200, body: Data(json.utf8)) }

    /// The response on the Graph page, word for word: the operation is wrapped in `value`.
    static let documentedSuccess = """
        {
          "value": {
            "@odata.type": "#microsoft.graph.teamsAdministration.telephoneNumberLongRunningOperation",
            "id": "QXNzaWdubWVudHw2Y2E4Yjc0Ni00YzgxLTRhY2EtOTUyNi1jZmNjNGRiYWYyMmI",
            "createdDateTime": "2025-02-03T22:03:26Z",
            "status": "succeeded",
            "numbers": [
              {
                "resourceLocation": "https://graph.microsoft.com/v1.0/admin/teams/telephoneNumberManagement/numberAssignments/N2EyMDUxOTctOGU1OS00ODdkLWI5ZmEtM2ZjMWIxMDhmMWU1fCsxMjA2MTIzNDU2Nw",
                "status": "succeeded"
              }
            ]
          }
        }
        """

    func testTheDocumentedSuccessEndsThePolling() throws {
        let transport = ScriptedTransport([GraphFixtures.token, Self.accepted, Self.operation(Self.documentedSuccess)])
        try GraphFixtures.client(transport).performAction(GraphPaths.assignNumber, body: ["telephoneNumber": "+12061234567"])
        XCTAssertEqual(transport.requests.count, 3, "one poll: the wrapped status is read")
    }

    func testAFailedNumberSaysWhyTeamsRefusedIt() {
        let failed = """
            {"value": {"id": "x", "status": "failed", "numbers": [
              {"resourceLocation": "https://graph.microsoft.com/v1.0/x", "status": "failed",
               "statusDetail": "The user's usage location does not match the number's country.\\u001b[2J"}]}}
            """
        let transport = ScriptedTransport([GraphFixtures.token, Self.accepted, Self.operation(failed)])
        XCTAssertThrowsError(try GraphFixtures.client(transport).performAction(GraphPaths.assignNumber, body: [:])) { error in
            let text = (error as? GraphError)?.message ?? ""
            XCTAssertTrue(text.contains("the operation failed: failed: The user's usage location does not match the number's country."), text)
            XCTAssertFalse(text.contains("\u{1B}"), "Teams' words are escaped for the terminal: \(text)")
        }
    }

    /// A number that failed inside an operation whose whole says succeeded still fails the step.
    func testAFailedNumberInASucceededOperationFailsTheStep() {
        let mixed = #"{"status": "succeeded", "numbers": [{"status": "failed", "statusDetail": "Number is in AssignmentPending state"}]}"#
        let transport = ScriptedTransport([GraphFixtures.token, Self.accepted, Self.operation(mixed)])
        XCTAssertThrowsError(try GraphFixtures.client(transport).performAction(GraphPaths.unassignNumber, body: [:])) { error in
            let text = (error as? GraphError)?.message ?? ""
            XCTAssertTrue(text.contains("Number is in AssignmentPending state"), text)
        }
    }

    func testAFailedOperationWithoutNumbersFallsBackToItsError() {
        let failed = #"{"status": "failed", "error": {"code": "Forbidden", "message": "Not allowed"}}"#
        let transport = ScriptedTransport([GraphFixtures.token, Self.accepted, Self.operation(failed)])
        XCTAssertThrowsError(try GraphFixtures.client(transport).performAction(GraphPaths.assignNumber, body: [:])) { error in
            XCTAssertEqual((error as? GraphError)?.message, "the operation failed: Forbidden: Not allowed")
        }
    }
}
