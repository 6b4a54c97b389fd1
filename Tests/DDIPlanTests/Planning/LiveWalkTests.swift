import DDIKit
import DDITestSupport
import Foundation
import XCTest
@testable import DDIPlan

/// The live numbers walked in parts on several cores (`LiveWalk`) against the one walk it replaces
/// (`workers: 1`, kept as the reference): the same plan, on every example tenant, generated drift
/// with blocks, and with the inventory's indexes built beforehand (`DeclaredIndex`, as `ddi plan` does).
final class LiveWalkTests: XCTestCase {
    static let workerCounts = [2, 3, 4, 7]

    func testPartsCoverEveryNumberOnceInOrder() {
        for count in [0, 1, 2, 5, 8, 100, 8_191, 8_192, 16_384, 100_000] {
            for workers in [1, 2, 3, 8] {
                for minimum in [1, 3, 8_192] {
                    let parts = LiveWalk.parts(count: count, workers: workers, minimumPerWorker: minimum)
                    XCTAssertEqual(parts.first?.lowerBound, 0)
                    XCTAssertEqual(parts.last?.upperBound, count)
                    XCTAssertEqual(zip(parts, parts.dropFirst()).filter { $0.upperBound != $1.lowerBound }.count, 0)
                    XCTAssertLessThanOrEqual(parts.count, workers)
                    if parts.count > 1 { XCTAssertTrue(parts.allSatisfy { $0.count >= minimum }, "\(count) \(workers) \(minimum)") }
                }
            }
        }
        // The plan's default: the reference tenant's 100,000 numbers in two parts on two cores, a
        // small tenant in one.
        XCTAssertEqual(LiveWalk.parts(count: 100_000, workers: 2, minimumPerWorker: LiveWalk.minimumPerWorker).count, 2)
        XCTAssertEqual(LiveWalk.parts(count: 5_000, workers: 2, minimumPerWorker: LiveWalk.minimumPerWorker).count, 1)
    }

    func testEveryExampleTenantPlansTheSameInParts() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
        var planned = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() {
            let root = examples.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: root + "/live") else { continue }
            let inventory = try InventoryLoader.load(root: root).inventory
            let snapshot = try SnapshotLoader.load(paths: [root + "/live"])
            try assertSamePlanInParts(inventory, snapshot, name)
            planned += 1
        }
        XCTAssertGreaterThanOrEqual(planned, 4)
    }

    func testGeneratedDriftPlansTheSameInParts() throws {
        var generator = SeededGenerator(defaultSeed: 0x5eed_0f_1ace)
        for round in 0..<60 {
            let codes = (0..<Int.random(in: 1...80, using: &generator)).map { _ in Int.random(in: 0...1919, using: &generator) }
            let scenario = PlanPropertyTests.Scenario(codes: codes)
            try assertSamePlanInParts(scenario.inventory, scenario.snapshot, "round \(round), \(generator.replay): \(codes)")
        }
    }

    /// Blocks count the live numbers found in them across parts: a block's "missing" finding comes
    /// from the sum, and every part sees the same block.
    func testBlocksCountLiveNumbersAcrossParts() throws {
        let numbers = """
        numbers:
          - block: +4533121100..+4533121149
            status: reserved
            until: 2027-01-01
            reason: r
          - block: +4533121200..+4533121209
            status: quarantine
            since: 2026-11-01

        """
        var live: [LiveNumber] = []
        for suffix in stride(from: 100, to: 150, by: 3) { live.append(Live.number("+4533121\(suffix)")) }
        for suffix in 200..<210 where suffix != 204 {
            live.append(Live.number("+4533121\(suffix)", status: .userAssigned, target: "id-anna"))
        }
        let inventory = Declared.inventory(numbers)
        XCTAssertEqual(inventory.numbers.count, 2)
        let snapshot = Live.snapshot(live)
        let reference = try assertSamePlanInParts(inventory, snapshot, "blocks")
        XCTAssertTrue(reference.findings.contains { $0.kind == .notInTenant && $0.message.contains("33 of its 50") }, "\(reference.findings.map(\.message))")
        XCTAssertEqual(reference.actions.filter { $0.kind == .unassign }.count, 9)
    }

    /// The reference plan (one walk, indexes built by the planner) equals the plan in parts with the
    /// indexes built beforehand, for every worker count, parts as small as one number.
    @discardableResult
    func assertSamePlanInParts(_ inventory: Inventory, _ snapshot: LiveSnapshot, _ context: String,
                               file: StaticString = #filePath, line: UInt = #line) throws -> Plan {
        let today = Day(iso: "2026-11-27")
        let reference = Planner.plan(inventory: inventory, snapshot: snapshot, inputs: testInputs, today: today)
        let declared = DeclaredIndex(inventory)
        for workers in Self.workerCounts {
            let parted = Planner.plan(inventory: inventory, snapshot: snapshot, inputs: testInputs, today: today,
                                      declared: declared, workers: workers, minimumPerWorker: 1)
            XCTAssertEqual(parted, reference, "\(context), \(workers) workers", file: file, line: line)
        }
        return reference
    }
}
