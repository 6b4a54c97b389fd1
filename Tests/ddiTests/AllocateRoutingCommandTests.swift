import Foundation
import XCTest

/// `ddi allocate --routing ID` and the live snapshot: numbers for auto attendants and call queues,
/// and no Calling Plan / Operator Connect number the tenant does not hold.
final class AllocateRoutingCommandTests: XCTestCase {
    static let newQueue = """
    routing:
      - id: cq-billing
        type: call-queue
        resource_account: cq-billing@contoso.com
        agents: [karen.lund@contoso.com]

    """

    static func liveNumbers(_ numbers: [String]) -> String {
        "[" + numbers.map {
            "{\"TelephoneNumber\": \"\($0)\", \"NumberType\": \"OperatorConnect\", \"PstnAssignmentStatus\": \"Unassigned\", \"AssignedPstnTargetId\": null}"
        }.joined(separator: ",\n") + "]"
    }

    func testRoutingGivesKindAccountAndFile() throws {
        let copy = try ContosoCopy()
        try copy.write("routing/billing.yaml", Self.newQueue)
        let outcome = try copy.ddi(["allocate", "--range", "cph-hq", "--routing", "cq-billing", "--owner", "Finance"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let number = outcome.stdout.trimmingCharacters(in: .newlines)
        let file = try copy.read("routing/billing.yaml")
        XCTAssertTrue(file.contains("number: \"\(number)\"\n    status: assigned\n    kind: call-queue\n    assigned_to: cq-billing@contoso.com\n    owner: Finance\n    routing: cq-billing\n"), file)
        XCTAssertEqual(try copy.ddi(["validate"]).status, 0)
    }

    func testRoutingRefusesAKindOrIdentityThatDoesNotReachIt() throws {
        let copy = try ContosoCopy()
        try copy.write("routing/billing.yaml", Self.newQueue)
        let kind = try copy.ddi(["allocate", "--range", "cph-hq", "--routing", "cq-billing", "--kind", "auto-attendant", "--owner", "Finance"])
        XCTAssertEqual(kind.status, 64)
        XCTAssertTrue(kind.stderr.contains("--kind auto-attendant does not fit routing cq-billing, a call-queue"), kind.stderr)
        let other = try copy.ddi(["allocate", "--range", "cph-hq", "--routing", "cq-billing", "--assigned-to", "x@contoso.com", "--owner", "Finance"])
        XCTAssertEqual(other.status, 64)
        XCTAssertTrue(other.stderr.contains("is not the resource account of routing cq-billing"), other.stderr)
        let typo = try copy.ddi(["allocate", "--range", "cph-hq", "--routing", "cq-biling", "--owner", "Finance"])
        XCTAssertEqual(typo.status, 64)
        XCTAssertTrue(typo.stderr.contains("no routing entry with id 'cq-biling' (did you mean 'cq-billing'?)"), typo.stderr)
        let neither = try copy.ddi(["allocate", "--range", "cph-hq", "--owner", "Finance"])
        XCTAssertEqual(neither.status, 64)
    }

    func testAnAutoAttendantWordsItsArticle() throws {
        let copy = try ContosoCopy()
        try copy.write("routing/billing.yaml", Self.newQueue.replacingOccurrences(of: "call-queue", with: "auto-attendant")
            .replacingOccurrences(of: "    agents: [karen.lund@contoso.com]\n", with: "    business_hours: user:karen.lund@contoso.com\n"))
        let kind = try copy.ddi(["allocate", "--range", "cph-hq", "--routing", "cq-billing", "--kind", "call-queue", "--owner", "Finance"])
        XCTAssertTrue(kind.stderr.contains("does not fit routing cq-billing, an auto-attendant"), kind.stderr)
    }

    /// The README's example: the contoso snapshot does not hold +4533121004, so it is not handed out.
    func testOnlyNumbersTheTenantHoldsAreTakenFromAnOperatorConnectRange() throws {
        let copy = try ContosoCopy()
        let hire = ["--range", "cph-hq", "--assigned-to", "new.hire@contoso.com", "--kind", "user", "--owner", "Sales"]
        let configured = try copy.ddi(["allocate"] + hire + ["--dry-run"])
        XCTAssertEqual(configured.status, 0, configured.stderr)
        XCTAssertFalse(configured.stdout.contains("+4533121004"), configured.stdout)
        XCTAssertTrue(configured.stdout.contains("+4533121008"), configured.stdout)

        try copy.write("held.json", Self.liveNumbers(["+4533121500", "+4533121501"]))
        let given = try copy.ddi(["allocate"] + hire + ["--count", "2", "--category", "private", "--live", "held.json"])
        XCTAssertEqual(given.status, 0, given.stderr)
        XCTAssertEqual(given.stdout, "+4533121500\n+4533121501\n")

        let none = try copy.ddi(["allocate"] + hire + ["--live", "held.json"])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.stderr.contains("range cph-hq: its"), none.stderr)
        XCTAssertTrue(none.stderr.contains("not held by the tenant (operator-connect numbers must be acquired in Teams first"), none.stderr)
    }

    func testDirectRoutingNumbersAreNotInTheTenantsListAndStayFree() throws {
        let copy = try ContosoCopy()
        try copy.write("held.json", Self.liveNumbers(["+4533121500"]))
        let outcome = try copy.ddi(["allocate", "--range", "cph-dr", "--assigned-to", "anna.jensen@contoso.com", "--kind", "user",
                                    "--category", "private", "--owner", "Sales", "--live", "held.json", "--dry-run"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("+45384011"), outcome.stdout)
    }
}
