import DDIKit
import DDITestSupport
import Foundation
import XCTest
@testable import DDIPlan

/// `ddi plan --format json` prints `canonicalJSONBytes` (`JSONBytesEncoder`) instead of
/// `canonicalJSON` (`JSONEncoder`): the same bytes, on the golden, every example tenant's plan with
/// and without an outcome, generated drift, and plans whose every string is hostile.
final class PlanDocumentBytesTests: XCTestCase {
    func assertSameBytes(_ document: PlanDocument, _ context: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = Array(try document.canonicalJSON().utf8)
        let bytes = try document.canonicalJSONBytes()
        XCTAssertEqual(bytes.count, expected.count, context, file: file, line: line)
        if bytes != expected {
            let first = zip(bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(bytes.count, expected.count)
            XCTFail("\(context): differ from byte \(first): \(String(decoding: bytes[first...].prefix(80), as: UTF8.self))", file: file, line: line)
        }
    }

    func testTheGoldenPlan() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: RepositoryFiles.path(PlanDocumentTests.golden)))
        let document = try JSONDecoder().decode(PlanDocument.self, from: data)
        XCTAssertEqual(try document.canonicalJSONBytes(), Array(data))
    }

    func testEveryExampleTenantsPlan() throws {
        let examples = URL(fileURLWithPath: RepositoryFiles.path("examples"))
        var planned = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() {
            let root = examples.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: root + "/live") else { continue }
            guard case .planned(let session) = try PlanSession.run(root: root, livePaths: [], today: Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0)) else { continue }
            for detailed in [false, true] {
                try assertSameBytes(PlanDocument(session.plan, outcome: PlanOutcome(session.plan, detailedExitCode: detailed)), "\(name) \(detailed)")
            }
            try assertSameBytes(PlanDocument(session.plan), name)
            planned += 1
        }
        XCTAssertGreaterThanOrEqual(planned, 3)
    }

    func testGeneratedDrift() throws {
        var generator = SeededGenerator(defaultSeed: 0x9e37_79b9)
        for round in 0..<40 {
            let codes = (0..<Int.random(in: 1...40, using: &generator)).map { _ in Int.random(in: 0...1919, using: &generator) }
            let scenario = PlanPropertyTests.Scenario(codes: codes)
            let plan = plan(scenario.inventory, scenario.snapshot)
            try assertSameBytes(PlanDocument(plan, outcome: PlanOutcome(plan, detailedExitCode: round % 2 == 0)), "round \(round), \(generator.replay)")
        }
    }

    /// Every string a plan carries from an inventory or an export (a pull request controls both)
    /// set to quotes, backslashes, slashes, control characters, DEL, combining marks, emoji and
    /// text that is canonically equal but spelt differently.
    func testHostileStrings() throws {
        let hostile = ["\"quoted\" \\ back/slash", "\u{0}\u{1}\u{1f}\u{7f}\t\n\r\u{8}\u{c}", "e\u{301} é 🇩🇰 \u{2028}\u{2029}", "</script><!--", ""]
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"))
        let live = [Live.number("+4533121042", status: .userAssigned, target: "id-peter", location: "loc-x", tags: ["old"])]
        let base = Planner.plan(inventory: inventory, snapshot: Live.snapshot(live), inputs: testInputs)
        XCTAssertFalse(base.actions.isEmpty)
        for (index, text) in hostile.enumerated() {
            var plan = base
            plan.tenant = text
            for action in plan.actions.indices {
                plan.actions[action].target.upn = text
                plan.actions[action].tags = [text, text + "2"]
                plan.actions[action].locationID = text
                plan.actions[action].rangeID = text
                plan.actions[action].declaredAt = SourceLocation(file: text, line: 3, column: 4)
                plan.actions[action].before?.assignedTo = text
                plan.actions[action].after.locationDescription = text
            }
            plan.findings.append(PlanFinding(kind: .snapshot, severity: .warning, number: text, message: text, declaredAt: nil,
                                             live: RecordOrigin(file: text, record: index + 1)))
            plan.inputs = PlanInputs(declared: .init(commit: text, contentSHA256: text, files: index),
                                     live: [SnapshotFile(path: text, sha256: text, format: .teamsJSON, records: index)])
            try assertSameBytes(PlanDocument(plan, outcome: PlanOutcome(plan, detailedExitCode: true)), "hostile \(index)")
        }
    }
}
