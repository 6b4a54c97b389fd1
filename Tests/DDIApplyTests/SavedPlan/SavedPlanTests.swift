import DDIKit
import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

final class SavedPlanTests: XCTestCase {
    func testSavedPlanRoundTripsAndEditsAreCaught() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042")])
        let saved = try PlanJSONRenderer.renderSaved(plan)
        let loaded = try SavedPlan.parse(Data(saved.utf8), path: "plan.json")
        XCTAssertEqual(loaded.plan, plan)
        XCTAssertEqual(loaded.checksum, PlanChecksum.compute(plan))

        let edited = saved.replacingOccurrences(of: "+4533121042", with: "+4533121043")
        XCTAssertThrowsError(try SavedPlan.parse(Data(edited.utf8), path: "plan.json")) { error in
            XCTAssertTrue("\(error)".contains("was modified after it was saved"), "\(error)")
        }
        XCTAssertThrowsError(try SavedPlan.parse(Data(PlanJSONRenderer.render(plan).utf8), path: "p")) { error in
            XCTAssertTrue("\(error)".contains("has no checksum"))
        }
        for garbage in ["", "[]", "{", "{\"checksum\": 1}", "{\"checksum\": \"sha256:00\"}", "\u{0}\u{1}"] {
            XCTAssertThrowsError(try SavedPlan.parse(Data(garbage.utf8), path: "p"), garbage)
        }
    }

    func testPlansSavedWithTheChecksumFirstStillLoad() throws {
        // Before SavedPlanDocument, `--out` wrote the checksum as the first member: the same checksum
        // over the same canonical JSON, so those files load unchanged.
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042")])
        let canonical = try PlanJSONRenderer.render(plan)
        let earlier = "{\n  \"checksum\" : \"\(PlanChecksum.compute(plan))\",\n" + canonical.dropFirst(2)
        let loaded = try SavedPlan.parse(Data(earlier.utf8), path: "plan.json")
        XCTAssertEqual(loaded.plan, plan)
        XCTAssertEqual(loaded.checksum, try SavedPlanDocument(plan).checksum)
    }

    func testEachKindOfUnreadableFileIsNamed() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042")])
        let newer = try PlanJSONRenderer.renderSaved(plan).replacingOccurrences(of: "\"format_version\" : 1", with: "\"format_version\" : 2")
        let cases: [(String, String)] = [
            (newer, "p has format_version 2; this ddi reads 1"),
            ("{", "p is not a saved plan: not valid JSON"),
            ("[]", "p is not a saved plan: expected a JSON object written by ddi plan --out"),
            (#"{"checksum": "sha256:00", "format_version": 1}"#, "p is not a saved plan: missing"),
            (try PlanJSONRenderer.render(plan), "p has no checksum"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try SavedPlan.parse(Data(text.utf8), path: "p")) { error in
                XCTAssertTrue("\(error)".hasPrefix(expected), "\(error)")
            }
        }
    }

    func testRefusalsEscapeWhatTheFileHolds() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042")])
        // JSON escapes in the file: the decoded checksum holds an ESC and a newline.
        let forged = try PlanJSONRenderer.renderSaved(plan)
            .replacingOccurrences(of: PlanChecksum.compute(plan), with: #"sha256:\u001b[2J\n::error::forged"#)
        XCTAssertThrowsError(try SavedPlan.parse(Data(forged.utf8), path: "plan\u{1B}.json")) { error in
            XCTAssertFalse("\(error)".contains("\u{1B}") || "\(error)".contains("\n"), "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("plan\\u{1B}.json was modified after it was saved: its checksum is sha256:\\u{1B}[2J\\n::error::forged"), "\(error)")
        }
    }

    func testJournalAppendsResumesAndIgnoresATornLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let checksum = "sha256:" + String(repeating: "c", count: 64)
        let journal = try ApplyJournal(directory: directory, checksum: checksum)
        try journal.record(step: "1.1 assign +4533121042", outcome: .done)
        try journal.record(step: "2.1 unassign +4533121050", outcome: .alreadyDone)
        // A crash in the middle of a write leaves a torn last line.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"step\":\"3.1 ass".utf8))
        handle.closeFile()
        let reopened = try ApplyJournal(directory: directory, checksum: checksum)
        XCTAssertEqual(reopened.finished, ["1.1 assign +4533121042", "2.1 unassign +4533121050"])
        XCTAssertTrue(journal.path.hasSuffix("/" + String(repeating: "c", count: 64) + ".jsonl"))
        XCTAssertThrowsError(try ApplyJournal(directory: directory, checksum: "sha256:../../etc/passwd"))
    }

    func testStepsOfAReassignUnassignFirst() {
        let before = AssignmentState(status: "user-assigned", assignedTo: "bo@contoso.com", objectID: "old-id")
        let plan = PlanFixtures.plan([PlanFixtures.action(.reassign, "+4533121042", before: before)])
        let steps = ApplySteps.steps(for: plan)
        XCTAssertEqual(steps.map(\.id), ["1.1 unassign +4533121042", "1.2 assign +4533121042"])
        XCTAssertEqual(steps[0].targetID, "old-id")
    }
}
