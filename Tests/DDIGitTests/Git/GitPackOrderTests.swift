import DDIKit
import XCTest
@testable import DDIGit

final class GitPackOrderTests: XCTestCase {
    /// Offsets agree with `git verify-pack`, and reading order follows them with unknown objects last.
    func testPositionsMatchGitVerifyPackAfterGC() throws {
        let script = try ScriptedHistory()
        try script.fixture.git("gc", "-q")
        let packDirectory = script.fixture.path + "/.git/objects/pack"
        let index = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: packDirectory).first { $0.hasSuffix(".idx") })
        let listing = try script.fixture.git("verify-pack", "-v", packDirectory + "/" + index)
        var expected: [(GitOID, UInt64)] = []
        for line in listing.split(separator: "\n") {
            // "<id> <type> <size> <size in pack> <offset> [<depth> <base>]"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 5, let oid = GitOID(hex: String(fields[0])), let offset = UInt64(fields[4]) else { continue }
            expected.append((oid, offset))
        }
        XCTAssertGreaterThan(expected.count, 10)
        let order = GitPackOrder(repository: try GitRepository.discover(from: script.fixture.path))
        XCTAssertFalse(order.isEmpty)
        for (oid, offset) in expected {
            XCTAssertEqual(order.position(of: oid)?.offset, offset, oid.hex)
        }
        let unknown = try XCTUnwrap(GitOID(hex: String(repeating: "ab", count: 20)))
        XCTAssertNil(order.position(of: unknown))
        let shuffled = [unknown] + expected.map(\.0).reversed()
        XCTAssertEqual(order.readingOrder(shuffled), expected.sorted { $0.1 < $1.1 }.map(\.0) + [unknown])
    }

    /// Loose and packed objects give the same history (packed ones are read in pack order).
    func testPackedHistoryEqualsLooseHistory() throws {
        let script = try ScriptedHistory()
        func records() throws -> [String: [[EntryChange]]] {
            let repository = try GitRepository.discover(from: script.fixture.path)
            let history = GitHistory(repository: repository, prefix: "", cacheDirectory: nil)
            var result: [String: [[EntryChange]]] = [:]
            for record in try history.records(from: try history.resolve("HEAD")) { result[record.commit.oid.hex] = record.changes }
            return result
        }
        let loose = try records()
        try script.fixture.git("gc", "-q", "--aggressive")
        XCTAssertEqual(try records(), loose)
        XCTAssertFalse(loose.isEmpty)
    }
}
