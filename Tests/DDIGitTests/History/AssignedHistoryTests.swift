import DDIKit
import XCTest
@testable import DDIGit

/// The report's allocation series, built from the commits' entry changes, against a full parse of
/// every revision (what the report did before).
final class AssignedHistoryTests: XCTestCase {
    private let longAgo = Day(iso: "2000-01-01") ?? Day(daysSinceEpoch: 0)

    /// Assigned numbers per range of a whole revision, parsed in full: single numbers only, a base
    /// number with several extensions once.
    private func fullCount(_ history: GitHistory, _ oid: GitOID, ranges: [NumberRange]) throws -> [String: Int] {
        let loaded = try history.inventory(at: oid, label: oid.short())
        let finder = RangeIndex(ranges)
        var seen = Set<UInt64>()
        var counts: [String: Int] = [:]
        for entry in loaded.inventory.numbers where entry.status?.value == .assigned && !entry.isBlock {
            guard let key = entry.span?.lowerKey, seen.insert(key).inserted, let id = finder.range(containing: key) else { continue }
            counts[id, default: 0] += 1
        }
        return counts
    }

    private func firstParentChain(_ fixture: GitFixture) throws -> [GitOID] {
        try fixture.git("rev-list", "--first-parent", "HEAD").split(separator: "\n").compactMap { GitOID(hex: String($0)) }.reversed()
    }

    /// The commits that are samples, oldest first: of consecutive commits on one committer day, the last.
    private func lastOfEachDay(_ history: GitHistory, _ chain: [GitOID]) throws -> [(day: Day, oid: GitOID)] {
        var result: [(day: Day, oid: GitOID)] = []
        for oid in chain {
            let day = GitHistory.day(of: try history.repository.commit(oid).committer)
            if result.last?.day == day { result.removeLast() }
            result.append((day, oid))
        }
        return result
    }

    func testEverySampleEqualsAFullParseOfItsCommit() throws {
        let script = try ScriptedHistory()
        let history = try GitHistory.open(inventoryRoot: script.fixture.path, useCache: false)
        let head = try history.resolve("HEAD")
        let ranges = try history.inventory(at: head, label: "HEAD").inventory.ranges
        let samples = try history.assignedSamples(ranges: ranges, since: longAgo, from: head)
        // The split is committed at -02:30, on the day before in its own time zone: the rename's day.
        let expected = try lastOfEachDay(history, try firstParentChain(script.fixture))
        XCTAssertEqual(samples.map(\.day), expected.map(\.day))
        XCTAssertGreaterThan(expected.count, 5)
        for (sample, commit) in zip(samples, expected) {
            XCTAssertEqual(sample.assignedByRange, try fullCount(history, commit.oid, ranges: ranges), commit.oid.short())
        }
        XCTAssertEqual(samples.last?.assignedByRange, ["cph-hq": 1], "peter was offboarded on the merged branch")
    }

    /// A merge whose tree is the merged branch's differs from only one parent, so it has no change
    /// record; it still changes the first-parent line.
    func testMergeThatOnlyBringsInABranchCounts() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("ranges.yaml", Sample.ranges)
        try fixture.write("numbers.yaml", Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com")))
        try fixture.commit("import")
        try fixture.git("checkout", "-q", "-b", "hire")
        try fixture.write("numbers.yaml", Sample.file(
            Sample.assigned("+4533121042", to: "anna.jensen@contoso.com"), Sample.assigned("+4533121043", to: "peter.holm@contoso.com")))
        try fixture.commit("hire peter")
        try fixture.git("checkout", "-q", "main")
        try fixture.merge("hire", message: "Merge branch 'hire'")
        let history = try GitHistory.open(inventoryRoot: fixture.path, useCache: false)
        let head = try history.resolve("HEAD")
        let ranges = try history.inventory(at: head, label: "HEAD").inventory.ranges
        let samples = try history.assignedSamples(ranges: ranges, since: longAgo, from: head)
        XCTAssertEqual(samples.map(\.assignedByRange), [["cph-hq": 1], ["cph-hq": 2]])
    }

    /// Extensions of one base number count once, blocks never, and a number moved to another file is
    /// not counted twice on the day it moves.
    func testExtensionsOnceBlocksNeverMovesOnce() throws {
        let fixture = try GitFixture()
        let extensions = """
        numbers:
          - number: "+4533121050;ext=1"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
          - number: "+4533121050;ext=2"
            status: assigned
            kind: user
            assigned_to: peter.holm@contoso.com
          - block: +4533121100..+4533121109
            status: assigned

        """
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("ranges.yaml", Sample.ranges)
        try fixture.write("a.yaml", extensions)
        try fixture.write("b.yaml", Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com")))
        try fixture.commit("import")
        try fixture.remove("b.yaml")
        try fixture.write("c.yaml", Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com")))
        try fixture.commit("move anna")
        let history = try GitHistory.open(inventoryRoot: fixture.path, useCache: true)
        let head = try history.resolve("HEAD")
        let ranges = try history.inventory(at: head, label: "HEAD").inventory.ranges
        for _ in 0..<2 {
            // The second run reads every record from the cache.
            let samples = try history.assignedSamples(ranges: ranges, since: longAgo, from: head)
            XCTAssertEqual(samples.map(\.assignedByRange), [["cph-hq": 2], ["cph-hq": 2]])
        }
    }

    /// Walking newest first, the first commit before `since` is the last sample: the window's start.
    func testSamplesStopAtTheFirstDayBeforeTheWindow() throws {
        let script = try ScriptedHistory()
        let history = try GitHistory.open(inventoryRoot: script.fixture.path, useCache: false)
        let head = try history.resolve("HEAD")
        let days = try lastOfEachDay(history, try firstParentChain(script.fixture)).map(\.day)
        let samples = try history.assignedSamples(ranges: [], since: days[3], from: head)
        XCTAssertEqual(samples.map(\.day), Array(days[2...]))
    }
}
