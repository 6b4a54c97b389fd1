import DDIKit
import Foundation
import XCTest
@testable import DDIEdit

final class LockingTests: XCTestCase {
    func temporaryInventory() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("version: 1\n".utf8).write(to: root.appendingPathComponent("ddi.yaml"))
        try Data("""
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK

        """.utf8).write(to: root.appendingPathComponent("n.yaml"))
        return root
    }

    func testASecondLockWaitsAndTimesOut() throws {
        let root = try temporaryInventory()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try InventoryLock(root: root.path)
        XCTAssertThrowsError(try InventoryLock(root: root.path, timeout: 0.2)) { error in
            XCTAssertEqual(error as? EditError, .locked(".ddi/lock"))
        }
        first.release()
        XCTAssertNoThrow(try InventoryLock(root: root.path, timeout: 0.2))
    }

    func testConcurrentAllocationsNeverLoseAnEdit() throws {
        let root = try temporaryInventory()
        defer { try? FileManager.default.removeItem(at: root) }
        let today = EditFixtures.today
        let count = 8
        let taken = Taken()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let request = AllocationRequest(rangeID: "cph-hq", assignedTo: "user\(index)@contoso.com", kind: .user, owner: "IT")
            if let outcome = try? EditRunner.run(root: root.path, today: today, dryRun: false, lockTimeout: 30, { try Lifecycle.allocate(request, in: $0) }) {
                taken.add(outcome.result.numbers)
            }
        }
        XCTAssertEqual(taken.all.count, count)
        XCTAssertEqual(Set(taken.all).count, count, "two runs took the same number")
        let loaded = try InventoryLoader.load(root: root.path)
        XCTAssertEqual(loaded.inventory.numbers.count, count)
    }

    func testDryRunWritesNothingAndAtomicWriteKeepsPermissions() throws {
        let root = try temporaryInventory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("n.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let before = try Data(contentsOf: file)
        let request = AllocationRequest(rangeID: "cph-hq", assignedTo: "a@contoso.com", kind: .user, owner: "IT")
        let dry = try EditRunner.run(root: root.path, today: EditFixtures.today, dryRun: true) { try Lifecycle.allocate(request, in: $0) }
        XCTAssertFalse(dry.wrote)
        XCTAssertEqual(try Data(contentsOf: file), before)
        XCTAssertTrue(dry.diff.hasPrefix("--- a/n.yaml\n+++ b/n.yaml\n"), dry.diff)
        let real = try EditRunner.run(root: root.path, today: EditFixtures.today, dryRun: false) { try Lifecycle.allocate(request, in: $0) }
        XCTAssertTrue(real.wrote)
        XCTAssertNotEqual(try Data(contentsOf: file), before)
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }
}

final class Taken: @unchecked Sendable {
    private let lock = NSLock()
    private var numbers: [String] = []
    func add(_ more: [String]) { lock.lock(); numbers += more; lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return numbers }
}
