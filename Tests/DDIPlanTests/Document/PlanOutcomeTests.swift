import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// The outcome member of the JSON plan: the exit contract of `ddi plan`, in the schema.
final class PlanOutcomeTests: XCTestCase {
    func sample(findings severity: Severity? = nil, actions: Bool = true) throws -> Plan {
        var plan = try PlanJSONRenderer.decode(Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path("examples/contoso/expected-plan.json"))))
        plan.findings = plan.findings.filter { $0.severity != .error }
        if let severity, var finding = plan.findings.first {
            finding.severity = severity
            plan.findings.append(finding)
        }
        if !actions {
            plan.actions = []
            plan.routing.actions = []
        }
        return plan
    }

    func testTheContract() throws {
        let changes = try sample()
        XCTAssertEqual(PlanOutcome(changes, detailedExitCode: false).exitCode, 0)
        XCTAssertEqual(PlanOutcome(changes, detailedExitCode: true), PlanOutcome(exitCode: 2, status: .changes, reason: "\(changes.summary.changes) changes that apply can carry out"))
        let inSync = try sample(actions: false)
        XCTAssertEqual(PlanOutcome(inSync, detailedExitCode: true).status, .inSync)
        XCTAssertEqual(PlanOutcome(inSync, detailedExitCode: true).exitCode, 0)
        let blocked = try sample(findings: .error)
        let outcome = PlanOutcome(blocked, detailedExitCode: true)
        XCTAssertEqual(outcome.status, .blocked)
        XCTAssertEqual(outcome.exitCode, 1)
        XCTAssertTrue(outcome.reason.hasPrefix("1 error finding blocks apply: "), outcome.reason)
        for outcome in [PlanOutcome(changes, detailedExitCode: true), PlanOutcome(inSync, detailedExitCode: false), outcome] {
            XCTAssertEqual(Int32(outcome.exitCode), (outcome.status == .blocked ? blocked : outcome.status == .inSync ? inSync : changes)
                .exitCode(detailed: outcome.exitCode == 2), "the outcome agrees with Plan.exitCode")
        }
        XCTAssertEqual(PlanOutcome.invalidInventory(errors: 1).reason, "the inventory has 1 validation error (ddi validate lists them); nothing was planned")
        XCTAssertEqual(PlanOutcome.unreadableSnapshot(problems: 2).reason, "the snapshot cannot be read (2 problems); nothing was planned")
    }

    func testBothShapesFollowTheSchemaAndNothingElseDoes() throws {
        let schema = try JSONSchemaSubset(path: RepositoryFiles.path("schema/plan.schema.json"))
        let planned = try PlanDocument(try sample(), outcome: PlanOutcome(try sample(), detailedExitCode: true)).canonicalJSON()
        XCTAssertEqual(schema.problems(in: try JSONSerialization.jsonObject(with: Data(planned.utf8))), [])
        let unplanned = try UnplannedDocument(outcome: .invalidInventory(errors: 3)).canonicalJSON()
        XCTAssertEqual(unplanned, """
        {
          "format_version" : 1,
          "outcome" : {
            "exit_code" : 1,
            "reason" : "the inventory has 3 validation errors (ddi validate lists them); nothing was planned",
            "status" : "invalid-inventory"
          }
        }

        """)
        XCTAssertEqual(schema.problems(in: try JSONSerialization.jsonObject(with: Data(unplanned.utf8))), [])
        // A document without actions is valid only when its outcome says nothing was planned.
        let pretending = #"{"format_version": 1, "outcome": {"exit_code": 0, "status": "in-sync", "reason": "x"}}"#
        XCTAssertFalse(schema.problems(in: try JSONSerialization.jsonObject(with: Data(pretending.utf8))).isEmpty)
        let badCode = planned.replacingOccurrences(of: "\"exit_code\" : 2", with: "\"exit_code\" : 3")
        XCTAssertFalse(schema.problems(in: try JSONSerialization.jsonObject(with: Data(badCode.utf8))).isEmpty)
    }

    func testASavedPlanWithAnOutcomeKeepsItsChecksum() throws {
        let document = PlanDocument(try sample(), outcome: PlanOutcome(try sample(), detailedExitCode: false))
        let saved = SavedPlanDocument(checksum: try SavedPlanDocument.checksum(of: document), plan: document)
        let read = try SavedPlanDocument.decode(try saved.encoded())
        XCTAssertEqual(read.plan.outcome, document.outcome)
        XCTAssertTrue(try read.isIntact())
    }
}
