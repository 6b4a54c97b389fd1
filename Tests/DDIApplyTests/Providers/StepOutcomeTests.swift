import Foundation
import XCTest
@testable import DDIApply

/// Step outcomes are typed in the code and keep the journal's words on disk.
final class StepOutcomeTests: XCTestCase {
    let plan = "sha256:" + String(repeating: "a", count: 64)
    var directory = ""

    override func setUp() {
        super.setUp()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-outcome-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
        super.tearDown()
    }

    func testEachOutcomeReadsBackFromItsJournalText() {
        let all: [StepOutcome] = [.done, .alreadyDone, .doneEarlier] + SkipReason.allCases.map { .skipped($0) }
        for outcome in all { XCTAssertEqual(StepOutcome(journalText: outcome.journalText), outcome) }
        XCTAssertEqual(StepOutcome.alreadyDone.journalText, "already-done")
        XCTAssertEqual(StepOutcome.skipped(.tags).journalText, "skipped-tags")
        XCTAssertNil(StepOutcome(journalText: "skipped-"))
        XCTAssertNil(StepOutcome(journalText: "DONE"))
    }

    func testProgressShowsTheWordsItAlwaysShowed() {
        XCTAssertEqual([StepOutcome.done, .alreadyDone, .doneEarlier, .skipped(.tags)].map(\.progressLabel),
                       ["done", "already-done", "done earlier", "skipped-tags"])
        var lines: [String] = []
        let progress = ApplyProgress(total: 2, terminal: false) { lines.append($0) }
        progress.step(1, "assign +4533121042 to anna", outcome: .doneEarlier)
        progress.failed(2, "tag +4533121042 with vip")
        XCTAssertEqual(lines, ["[1/2] done earlier: assign +4533121042 to anna\n", "[2/2] FAILED: tag +4533121042 with vip\n"])
    }

    /// A journal written before outcomes were typed: its lines carry the outcome as text.
    func testAJournalWrittenWithTheOldTextsStillReads() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(String(repeating: "a", count: 64) + ".jsonl")
        func line(_ step: String, _ outcome: String) -> String {
            let entry = #"{"at":"2026-11-27T10:00:00Z","outcome":"\#(outcome)","plan":"\#(plan)","run":"r1","step":"\#(step)"}"#
            return #"{"sha256":"\#(JournalLine.digest(Array(entry.utf8)))","entry":\#(entry)}"#
        }
        let text = [line("1.1 assign +4533121042", "done"), line("1.2 add-tag +4533121042 vip", "skipped-tags"),
                    line("2.1 unassign +4533121050", "already-done")].joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let journal = try ApplyJournal(directory: directory, checksum: plan)
        XCTAssertEqual(journal.warnings, [])
        XCTAssertEqual(journal.entries.map(\.outcome), [.done, .skipped(.tags), .alreadyDone])

        try journal.record(step: "3.1 assign +4533121077", outcome: .skipped(.tags))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(written.contains(#""outcome":"skipped-tags""#), written)
    }

    /// An outcome ddi does not know (a newer version, an edit with a recomputed checksum) is not
    /// taken as finished: the step is checked against the tenant again.
    func testAnUnknownOutcomeIsIgnoredWithAWarning() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = (directory as NSString).appendingPathComponent(String(repeating: "a", count: 64) + ".jsonl")
        let entry = #"{"at":"2026-11-27T10:00:00Z","outcome":"teleported","plan":"\#(plan)","run":"r1","step":"1.1 assign +4533121042"}"#
        try (#"{"sha256":"\#(JournalLine.digest(Array(entry.utf8)))","entry":\#(entry)}"# + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let journal = try ApplyJournal(directory: directory, checksum: plan)
        XCTAssertEqual(journal.finished, [])
        XCTAssertEqual(journal.warnings.count, 1)
    }
}
