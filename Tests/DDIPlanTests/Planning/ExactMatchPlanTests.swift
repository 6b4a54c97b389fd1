import DDIKit
import XCTest
@testable import DDIPlan

/// Issue 11, done when (bullet 2): a tenant export that matches its inventory exactly plans nothing
/// and raises no false finding, in PowerShell JSON, PowerShell CSV and Graph form, with resource
/// accounts (disabled for sign-in), a conference bridge, a shared-calling number, enum values this
/// ddi does not know and unassigned Direct Routing numbers. Fixtures: Fixtures/exact-match (README).
final class ExactMatchPlanTests: XCTestCase {
    private let today = Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0)

    private func planned(_ form: String, file: StaticString = #filePath, line: UInt = #line) throws -> PlannedSession {
        let root = Fixtures.path("exact-match/inventory")
        let outcome = try PlanSession.run(root: root, livePaths: [Fixtures.path("exact-match/" + form)], today: today)
        switch outcome {
        case .planned(let session):
            return session
        case .invalidInventory(let report):
            XCTFail("inventory invalid: \(report.diagnostics.map(\.message))", file: file, line: line)
        case .snapshotProblems(let problems):
            XCTFail("snapshot unreadable: \(problems.problems.map(\.description))", file: file, line: line)
        }
        throw XCTSkip("not planned")
    }

    /// Nothing to do, and every finding is a remark the snapshot reader made about a value it does
    /// not know (a snapshot note), a check reported as skipped for want of input, or the note that
    /// routing was not planned without routing exports: none claims something about the tenant that is not so.
    private func assertExactMatch(_ form: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let session = try planned(form, file: file, line: line)
        let plan = session.plan
        XCTAssertEqual(plan.actions.map { "\($0.kind) \($0.number)" }, [], form, file: file, line: line)
        let claims = plan.findings.filter { !($0.kind == .snapshot || ([.preflight, .routing].contains($0.kind) && $0.severity == .info)) }
        XCTAssertEqual(claims.map { "\($0.kind.rawValue) \($0.number): \($0.message)" }, [], form, file: file, line: line)
        XCTAssertFalse(plan.hasErrors, form, file: file, line: line)
        XCTAssertEqual(plan.exitCode(detailed: true), 0, form, file: file, line: line)
        XCTAssertEqual(session.snapshot.numbers.count, 9, form, file: file, line: line)
    }

    func testPowerShellJSONExportMatchesExactly() throws {
        try assertExactMatch("powershell-json")
    }

    func testPowerShellCSVExportMatchesExactly() throws {
        try assertExactMatch("powershell-csv")
    }

    func testGraphExportMatchesExactly() throws {
        try assertExactMatch("graph")
    }

    /// The fixture really has what the test claims to cover, so the test cannot pass vacuously.
    func testTheFixtureCoversTheHardCases() throws {
        let session = try planned("powershell-json")
        let statuses = Set(session.snapshot.numbers.map(\.status))
        XCTAssertEqual(statuses, [.unassigned, .userAssigned, .voiceApplicationAssigned, .conferenceAssigned, .policyAssigned])
        XCTAssertTrue(session.snapshot.accounts.contains { $0.isResourceAccount && $0.enabled == false })
        XCTAssertTrue(session.snapshot.numbers.contains { $0.numberType == .directRouting && $0.status == .unassigned })
        XCTAssertTrue(session.snapshot.numbers.contains { $0.tags == ["Switchboard"] }, "declared `switchboard`, live `Switchboard`")
        XCTAssertTrue(session.loaded.inventory.numbers.contains { $0.kind?.value == .sharedCalling })
        let graph = try planned("graph")
        // Graph /users lists the resource accounts as disabled accounts with no account type.
        XCTAssertTrue(graph.snapshot.accounts.contains { $0.enabled == false && $0.accountType == nil })
    }
}
