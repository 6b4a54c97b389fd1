@testable import DDIGit
import DDIKit
import Foundation
import DDITestSupport
import XCTest
@testable import DDIReports

/// The same scripted history as ReportTests, as real commits: the sampler must find the same counts.
final class GitHistoryTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { throw Prerequisite.missing("git is not installed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("inventory"), withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    @discardableResult
    func git(_ arguments: String..., date: String = "2025-01-01T12:00:00+01:00") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", directory.path, "-c", "user.name=Test", "-c", "user.email=test@contoso.com", "-c", "commit.gpgsign=false"] + arguments
        process.environment = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": directory.path, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
        return String(decoding: data, as: UTF8.self)
    }

    func commit(r1: Int, r2: Int, on date: String) throws {
        let root = directory.appendingPathComponent("inventory")
        try Data("version: 1\n".utf8).write(to: root.appendingPathComponent("ddi.yaml"))
        try Data(ReportTests.ranges.utf8).write(to: root.appendingPathComponent("ranges.yaml"))
        try Data(ReportTests.numbers(r1Assigned: r1, r2Assigned: r2).utf8).write(to: root.appendingPathComponent("numbers.yaml"))
        try git("add", "-A")
        try git("commit", "-q", "-m", "state on \(date)", date: date + "T10:00:00+01:00")
    }

    func testSamplesFollowTheCommits() throws {
        try commit(r1: 1, r2: 4, on: "2025-06-01")
        try commit(r1: 2, r2: 3, on: "2026-03-01")
        try commit(r1: 2, r2: 2, on: "2026-10-01")
        try commit(r1: 3, r2: 2, on: "2026-10-01") // the day's last state wins
        let root = directory.appendingPathComponent("inventory").path
        let loaded = try InventoryLoader.load(root: root)
        let outcome = GitHistorySampler.samples(root: root, ranges: loaded.inventory.ranges, since: ReportTests.today.adding(days: -365))
        XCTAssertNil(outcome.note)
        XCTAssertEqual(outcome.samples, ReportTests.history)
        let report = CapacityReport.build(inventory: loaded.inventory, today: ReportTests.today, history: outcome.samples)
        XCTAssertEqual(report.ranges.first?.forecasts.map(\.runOut), [.on(Day(iso: "2046-05-16") ?? ReportTests.today), .on(Day(iso: "2066-05-19") ?? ReportTests.today)])
    }

    /// The series and the hand-back dates come from one reading of the history, which leaves the change
    /// cache that history and audit share behind (issue 15, items 1 and 2).
    func testTheReportReadsTheHistoryOnceAndSharesTheCache() throws {
        try commit(r1: 1, r2: 4, on: "2025-06-01")
        try commit(r1: 2, r2: 3, on: "2026-03-01")
        try commit(r1: 3, r2: 2, on: "2026-10-01")
        let root = directory.appendingPathComponent("inventory").path
        let loaded = try InventoryLoader.load(root: root)
        let since = ReportTests.today.adding(days: -365)
        let history = try GitHistory.open(inventoryRoot: root)
        let outcome = GitHistorySampler.samples(history: history, ranges: loaded.inventory.ranges, since: since)
        XCTAssertEqual(history.recordPasses, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/.ddi/cache").filter { $0.hasSuffix(".bin") }.count, 1)
        let separate = try GitHistory.open(inventoryRoot: root, useCache: false)
        let head = try separate.resolve("HEAD")
        XCTAssertEqual(outcome.samples, try separate.assignedSamples(ranges: loaded.inventory.ranges, since: since, from: head))
        XCTAssertEqual(outcome.touches, try separate.declarationTouches(from: head))
        XCTAssertEqual(outcome.samples, ReportTests.history)
    }

    func testWalkStopsAtTheFirstCommitBeforeTheWindow() throws {
        try commit(r1: 0, r2: 9, on: "2020-01-01")
        try commit(r1: 1, r2: 4, on: "2025-06-01")
        try commit(r1: 3, r2: 2, on: "2026-10-01")
        let root = directory.appendingPathComponent("inventory").path
        let loaded = try InventoryLoader.load(root: root)
        let outcome = GitHistorySampler.samples(root: root, ranges: loaded.inventory.ranges, since: ReportTests.today.adding(days: -365))
        XCTAssertEqual(outcome.samples.map(\.day.description), ["2025-06-01", "2026-10-01"])
    }

    func testNotARepositoryIsANoteNotAnError() throws {
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: plain) }
        let outcome = GitHistorySampler.samples(root: plain.path, ranges: [], since: ReportTests.today)
        XCTAssertTrue(outcome.samples.isEmpty)
        XCTAssertNotNil(outcome.note)
    }

    /// `ddi report` reads the history on another thread while the inventory loads: the same outcome
    /// (samples, note, touches) and the same report, in every format, as reading it afterwards; cold
    /// (it writes the cache), warm, with no commits, and outside a repository.
    func testTheHistoryReadWhileTheInventoryLoadsGivesTheSameReport() throws {
        let root = directory.appendingPathComponent("inventory").path
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: plain) }
        try Data("version: 1\n".utf8).write(to: directory.appendingPathComponent("inventory/ddi.yaml"))
        func compare(_ root: String, _ label: String) throws {
            let since = ReportTests.today.adding(days: -365)
            let pending = GitHistorySampler.start(root: root)
            let loaded = try InventoryLoader.load(root: root)
            let overlapped = pending.outcome(ranges: loaded.inventory.ranges, since: since)
            let sequential = GitHistorySampler.samples(root: root, ranges: loaded.inventory.ranges, since: since)
            XCTAssertEqual(overlapped.samples, sequential.samples, label)
            XCTAssertEqual(overlapped.note, sequential.note, label)
            XCTAssertEqual(overlapped.touches, sequential.touches, label)
            let held = HeldNumbers(numbers: loaded.inventory.numbers.compactMap { $0.span?.first }.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
            for held in [nil, held] {
                let fromFields = CapacityReport.build(inventory: loaded.inventory, today: ReportTests.today, history: sequential.samples,
                                                      historyNote: sequential.note, touches: sequential.touches, held: held)
                for sweep in [nil, CapacityReport.startSweep(loaded.inventory)] {
                    let fromOutcome = CapacityReport.build(inventory: loaded.inventory, today: ReportTests.today, history: overlapped, sweep: sweep, held: held)
                    for format in ReportFormat.allCases {
                        XCTAssertEqual(try fromOutcome.renderedBytes(format), try fromFields.renderedBytes(format), "\(label) \(format) \(sweep == nil)")
                    }
                }
            }
        }
        try compare(root, "no commits")
        try compare(plain.path, "not a repository")
        try commit(r1: 1, r2: 4, on: "2025-06-01")
        try commit(r1: 2, r2: 3, on: "2026-03-01")
        try commit(r1: 3, r2: 2, on: "2026-10-01")
        try compare(root, "cold")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/.ddi/cache"))
        try compare(root, "warm")
    }
}
