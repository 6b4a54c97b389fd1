import DDIKit
import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

/// The run every online provider shares, driven by a provider written in the test: the seam a new
/// provider plugs into. The provider says only how a step is carried out.
final class JournaledRunTests: XCTestCase {
    struct TenantDown: Error {}

    /// A tenant in memory: numbers "in place" show their step's effect; a number in `failing`
    /// fails with an error the provider must describe without its secret.
    final class MemoryProvider: OnlineProvider {
        static let name = "memory"
        static let summary = "a tenant in memory"
        var inPlace: Set<String> = []
        var failing: Set<String> = []
        var calls: [String] = []

        init() {}
        init(context: ApplyContext) {}

        static func skipReason(for step: ApplyStep) -> SkipReason? { step.operation == .addTag ? .tags : nil }
        static func advice(for reason: SkipReason) -> String { "the memory tenant keeps no tags" }

        func describe(_ error: any Error) -> String { "the memory tenant is down (secret withheld)" }

        func carryOut(_ step: ApplyStep) throws -> StepOutcome {
            calls.append(step.id)
            if failing.contains(step.number) { throw TenantDown() }
            if inPlace.contains(step.number) { return .alreadyDone }
            inPlace.insert(step.number)
            return .done
        }
    }

    var directory = ""

    override func setUp() {
        super.setUp()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-run-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
        super.tearDown()
    }

    func journal() throws -> ApplyJournal {
        try ApplyJournal(directory: directory, checksum: "sha256:" + String(repeating: "b", count: 64))
    }

    static let steps = ApplySteps.steps(for: PlanFixtures.plan([
        PlanFixtures.action(.assign, "+4533121042", tags: ["vip"]),
        PlanFixtures.action(.assign, "+4533121043"),
        PlanFixtures.action(.assign, "+4533121044"),
    ]))

    func run(_ provider: MemoryProvider, journal: ApplyJournal, lines: inout [String]) -> ApplyReport {
        var written: [String] = []
        let report = JournaledRun.run(Self.steps, with: provider, journal: journal,
                                      progress: ApplyProgress(total: Self.steps.count, terminal: false) { written.append($0) })
        lines = written
        return report
    }

    func testStepsRunInOrderAndEachIsJournaledWithItsOutcome() throws {
        let provider = MemoryProvider()
        provider.inPlace = ["+4533121043"]
        var lines: [String] = []
        let journal = try journal()
        let report = run(provider, journal: journal, lines: &lines)

        XCTAssertNil(report.failure)
        XCTAssertEqual(provider.calls, ["1.1 assign +4533121042", "2.1 assign +4533121043", "3.1 assign +4533121044"],
                       "the tag step never reaches the provider")
        XCTAssertEqual(report.results.map(\.outcome), [.done, .skipped(.tags), .alreadyDone, .done])
        XCTAssertEqual(report.skipped, ["1.2 add-tag +4533121042 vip"])
        XCTAssertEqual(try self.journal().entries.map(\.outcome), [.done, .skipped(.tags), .alreadyDone, .done])
        XCTAssertEqual(lines[1], "[2/4] skipped-tags: tag +4533121042 with vip\n")
        XCTAssertEqual(report.counts, "2 steps applied, 1 already in place, 1 tag step skipped (the memory tenant keeps no tags)")
    }

    /// A rerun asks the tenant again; what is there counts as done earlier and is not journaled twice.
    func testARerunResumesFromTheJournalButAsksTheTenant() throws {
        let provider = MemoryProvider()
        var lines: [String] = []
        _ = run(provider, journal: try journal(), lines: &lines)
        provider.inPlace.remove("+4533121044")  // undone in the admin centre since
        provider.calls = []

        let rerun = run(provider, journal: try journal(), lines: &lines)
        XCTAssertEqual(provider.calls.count, 3, "every journaled step is checked again")
        XCTAssertEqual(rerun.results.map(\.outcome), [.doneEarlier, .skipped(.tags), .doneEarlier, .done])
        XCTAssertEqual(lines[0], "[1/4] done earlier: assign +4533121042 to anna@contoso.com\n")
        XCTAssertEqual(try journal().entries.count, 5, "4 lines from the first run and one for the step carried out again")
    }

    func testTheFirstFailureStopsTheRunAndIsDescribedByTheProvider() throws {
        let provider = MemoryProvider()
        provider.failing = ["+4533121043"]
        var lines: [String] = []
        let report = run(provider, journal: try journal(), lines: &lines)
        XCTAssertEqual(provider.calls, ["1.1 assign +4533121042", "2.1 assign +4533121043"])
        XCTAssertEqual(report.failure, ApplyReport.StepFailure(step: "2.1 assign +4533121043", summary: "assign +4533121043 to anna@contoso.com",
                                                               message: "the memory tenant is down (secret withheld)"))
        XCTAssertEqual(lines.last, "[3/4] FAILED: assign +4533121043 to anna@contoso.com\n")
        XCTAssertEqual(try journal().entries.map(\.step), ["1.1 assign +4533121042", "1.2 add-tag +4533121042 vip"])
    }
}
