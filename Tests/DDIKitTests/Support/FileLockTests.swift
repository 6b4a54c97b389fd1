import DDIKit
import Foundation
import XCTest

final class FileLockTests: XCTestCase {
    func testASecondOpenIsRefusedAtOnceAndNamesTheHolder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-filelock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(".ddi/apply.lock").path
        // flock conflicts between two open file descriptions even within one process.
        let first = try FileLock(path: path)
        let started = Date()
        XCTAssertThrowsError(try FileLock(path: path, timeout: 0)) { error in
            XCTAssertEqual(error as? FileLockError, .busy(holder: getpid()))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "timeout 0 must not wait")
        first.release()
        XCTAssertNil(FileLock.holder(path: path), "a released lock names no holder")
        let second = try FileLock(path: path, timeout: 0)
        XCTAssertEqual(FileLock.holder(path: path), getpid())
        second.release()
    }
}
