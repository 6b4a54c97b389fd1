import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

final class ApplyJournalTests: XCTestCase {
    let plan = "sha256:" + String(repeating: "a", count: 64)
    let snapshotA = "sha256:" + String(repeating: "1", count: 64)
    let snapshotB = "sha256:" + String(repeating: "2", count: 64)
    var directory = ""

    override func setUp() {
        super.setUp()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-journal-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
        super.tearDown()
    }

    func append(_ text: String, to path: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    func testATornLastLineIsNeverGluedToTheNextRecord() throws {
        let journal = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA)
        try journal.record(step: "1.1 assign +4533121042", outcome: .done)
        // A crash in the middle of a write leaves a line without its newline.
        try append(#"{"sha256":"0123","entry":{"step":"2.1 unass"#, to: journal.path)

        let resumed = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA)
        XCTAssertEqual(resumed.finished, ["1.1 assign +4533121042"])
        XCTAssertEqual(resumed.warnings.count, 1)
        XCTAssertTrue(resumed.warnings[0].contains("line 2 is incomplete"), resumed.warnings[0])
        try resumed.record(step: "2.1 unassign +4533121050", outcome: .done)

        let again = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA)
        XCTAssertEqual(again.finished, ["1.1 assign +4533121042", "2.1 unassign +4533121050"],
                       "the record written after a torn line must stay readable")
        XCTAssertEqual(again.warnings.count, 1)
        XCTAssertTrue(again.warnings[0].contains("line 2"), again.warnings[0])
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").count, 3)
        XCTAssertTrue(text.hasSuffix("\n"))
    }

    func testAHandEditedLineFailsItsChecksumAndIsIgnored() throws {
        let journal = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA)
        try journal.record(step: "1.1 assign +4533121042", outcome: .done)
        try journal.record(step: "2.1 unassign +4533121050", outcome: .done)
        // Someone marks a step that never ran as done by editing a line.
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        try text.replacingOccurrences(of: "2.1 unassign +4533121050", with: "3.1 assign +4533121077")
            .write(toFile: journal.path, atomically: true, encoding: .utf8)

        let reopened = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA)
        XCTAssertEqual(reopened.finished, ["1.1 assign +4533121042"])
        XCTAssertEqual(reopened.warnings.count, 1)
        XCTAssertTrue(reopened.warnings[0].contains("line 2: its checksum does not match"), reopened.warnings[0])
    }

    func testEveryLineCarriesAChecksumOfItsEntry() throws {
        let journal = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA, runID: "run-1")
        try journal.record(step: "1.1 assign +4533121042", outcome: .done)
        let line = try XCTUnwrap(String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n").first)
        XCTAssertTrue(line.hasPrefix(#"{"sha256":""#), String(line))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let entry = try XCTUnwrap(object["entry"] as? [String: Any])
        XCTAssertEqual(entry["run"] as? String, "run-1")
        XCTAssertEqual(entry["plan"] as? String, plan)
        XCTAssertEqual(entry["live"] as? String, snapshotA)
    }

    func testAJournalBelongsToOnePlanAgainstOneSnapshot() throws {
        let first = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA, runID: "run-1")
        try first.record(step: "1.1 assign +4533121042", outcome: .done)
        // A week later, against a new snapshot: nothing counts as done by the earlier run.
        let later = try ApplyJournal(directory: directory, checksum: plan, live: snapshotB, runID: "run-2")
        XCTAssertEqual(later.finished, [])
        XCTAssertNotEqual(later.path, first.path)
        XCTAssertTrue(first.path.hasSuffix("/" + String(repeating: "a", count: 64) + "-" + String(repeating: "1", count: 64) + ".jsonl"), first.path)
        // The same plan against the same snapshot (a resume after a crash): the hint is there.
        let resumed = try ApplyJournal(directory: directory, checksum: plan, live: snapshotA, runID: "run-3")
        XCTAssertEqual(resumed.finished, ["1.1 assign +4533121042"])
        XCTAssertEqual(resumed.entries.map(\.run), ["run-1"])

        // Lines copied into another snapshot's journal are not taken for its own.
        try FileManager.default.copyItem(atPath: first.path, toPath: later.path)
        let copied = try ApplyJournal(directory: directory, checksum: plan, live: snapshotB)
        XCTAssertEqual(copied.finished, [])
        XCTAssertTrue(copied.warnings.first?.contains("belongs to another plan or snapshot") == true, "\(copied.warnings)")
    }

    func testTheSnapshotDigestFollowsTheBytesNotTheFileNames() {
        let a = SnapshotFile(path: "live/number-assignments.json", sha256: "sha256:" + String(repeating: "1", count: 64), format: .graphPage, records: 3)
        let b = SnapshotFile(path: "live/users.json", sha256: "sha256:" + String(repeating: "2", count: 64), format: .usersJSON, records: 2)
        var renamed = a
        renamed.path = "/elsewhere/n.json"
        var changed = b
        changed.sha256 = "sha256:" + String(repeating: "3", count: 64)
        XCTAssertEqual(ApplyJournal.liveDigest(of: [a, b]), ApplyJournal.liveDigest(of: [b, renamed]))
        XCTAssertNotEqual(ApplyJournal.liveDigest(of: [a, b]), ApplyJournal.liveDigest(of: [a, changed]))
        XCTAssertTrue(ApplyJournal.liveDigest(of: [a]).hasPrefix("sha256:"))
    }

    func testChecksumsThatAreNotDigestsAreRefused() {
        XCTAssertThrowsError(try ApplyJournal(directory: directory, checksum: "sha256:../../etc/passwd"))
        XCTAssertThrowsError(try ApplyJournal(directory: directory, checksum: plan, live: "sha256:../x"))
    }
}
