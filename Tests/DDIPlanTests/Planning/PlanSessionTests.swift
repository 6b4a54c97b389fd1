import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

final class PlanSessionTests: XCTestCase {
    let today = Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0)
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-session-\(UUID().uuidString)")
        try write("ddi.yaml", "version: 1\ntenant: contoso.onmicrosoft.com\nlive: live/\n")
        try write("numbers.yaml", Declared.ranges + "numbers:\n" + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"))
        try write("live/numbers.json", Self.numbers(status: "Unassigned"))
        try write("live/users.json", Self.users)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    static let users = """
    [{"Identity": "id-anna", "UserPrincipalName": "anna.jensen@contoso.com", "AccountEnabled": true, "AccountType": "User"}]
    """

    static func numbers(status: String) -> String {
        """
        [{"TelephoneNumber": "+4533121042", "NumberType": "OperatorConnect", "PstnAssignmentStatus": "\(status)",
          "AssignedPstnTargetId": null, "AssignmentCategory": "Primary", "Tag": []}]
        """
    }

    func write(_ relative: String, _ text: String) throws {
        let file = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func session(live: [String] = [], commit: @escaping (DeclaredSources) -> String? = { _ in nil }) throws -> PlanSessionOutcome {
        try PlanSession.run(root: root.path, livePaths: live, today: today, commit: commit)
    }

    func testPlansFromTheConfiguredSnapshotAndKeepsWhatItPlannedFrom() throws {
        guard case .planned(let session) = try session(commit: { _ in "0123456789abcdef0123456789abcdef01234567" }) else {
            return XCTFail("not planned")
        }
        XCTAssertEqual(session.plan.actions.map(\.kind), [.assign])
        XCTAssertEqual(session.plan.actions.first?.number, "+4533121042")
        XCTAssertEqual(session.loaded.inventory.config.tenant, "contoso.onmicrosoft.com")
        XCTAssertEqual(session.snapshot.numbers.count, 1)
        // Files of the `live:` directory are named relative to the root, as the inventory's are.
        XCTAssertEqual(session.plan.inputs.live.map(\.path).sorted(), ["live/numbers.json", "live/users.json"])
        XCTAssertEqual(session.plan.inputs.declared.commit, "0123456789abcdef0123456789abcdef01234567")
        XCTAssertEqual(session.plan.inputs.declared.contentSHA256, session.sources.contentDigest)
    }

    func testSnapshotGivenOnTheCommandLineReplacesLiveAndKeepsItsPaths() throws {
        try write("elsewhere/numbers.json", Self.numbers(status: "UserAssigned").replacingOccurrences(of: "null", with: "\"id-anna\""))
        try write("elsewhere/users.json", Self.users)
        let paths = ["numbers.json", "users.json"].map { root.appendingPathComponent("elsewhere/" + $0).path }
        guard case .planned(let session) = try session(live: paths) else { return XCTFail("not planned") }
        XCTAssertFalse(session.plan.actions.contains { $0.kind == .assign }, "\(session.plan.actions.map { ($0.kind, $0.changes) })")
        XCTAssertEqual(session.plan.inputs.live.map(\.path).sorted(), paths.sorted())
        XCTAssertNil(session.plan.inputs.declared.commit)
    }

    func testAnInvalidInventoryIsNotPlanned() throws {
        try write("numbers.yaml", Declared.ranges + "numbers:\n  - number: \"+4599999999\"\n    status: assigned\n")
        guard case .invalidInventory(let report) = try session() else { return XCTFail("planned an invalid inventory") }
        XCTAssertTrue(report.hasErrors)
    }

    func testAnUnreadableSnapshotIsNotPlannedAndEveryProblemIsKept() throws {
        try write("live/numbers.json", "[{\"TelephoneNumber\": 42}")
        guard case .snapshotProblems(let problems) = try session() else { return XCTFail("planned from a broken snapshot") }
        XCTAssertFalse(problems.problems.isEmpty)
        XCTAssertTrue(problems.problems.allSatisfy { $0.file == "live/numbers.json" }, "\(problems)")
        XCTAssertEqual(problems.exitStatus, DDIExitStatus.failure)
    }

    /// `ddi plan` used to stop with a usage error (64) here; it is an invalid inventory, reported
    /// as `ddi validate` reports it, at its place in ddi.yaml.
    func testLiveOutsideTheRootIsAnInvalidInventory() throws {
        try write("ddi.yaml", "version: 1\nlive: ../..\n")
        for live in [[], [root.appendingPathComponent("live/numbers.json").path]] {
            guard case .invalidInventory(let report) = try session(live: live) else { return XCTFail("planned with live: outside the root") }
            let errors = report.diagnostics.filter { $0.severity == .error && $0.message.contains("outside the inventory root") }
            XCTAssertEqual(errors.map(\.location), [SourceLocation(file: "ddi.yaml", line: 2, column: 7)], "\(report.diagnostics)")
        }
    }

    func testNoSnapshotAnywhereIsAUsageError() throws {
        try write("ddi.yaml", "version: 1\n")
        XCTAssertThrowsError(try session()) { error in
            XCTAssertEqual(error as? PlanSessionError, .noSnapshot)
            XCTAssertEqual((error as? PlanSessionError)?.exitStatus, DDIExitStatus.usage)
        }
        XCTAssertNoThrow(try session(live: [root.appendingPathComponent("live").path]))
    }

    func testTheClockLapsEveryPhase() throws {
        let clock = PhaseClock(environment: ["DDI_TIMING": "1"])
        _ = try PlanSession.run(root: root.path, livePaths: [], today: today, clock: clock)
        let phases = clock.report?.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        XCTAssertEqual(phases, ["read", "parse", "validate", "read", "digests", "plan", "preflight"])
        XCTAssertNil(PhaseClock(environment: [:]).report)
    }
}
