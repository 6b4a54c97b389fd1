import DDIKit
import Foundation
import XCTest
@testable import DDIGit

/// A `.ddi/` that git tracks came with the commits (a pull request can add one): its cache files are
/// someone else's answers. ddi neither reads nor writes them, so history and audit stay the repository's.
final class TrackedCacheTests: XCTestCase {
    private func answer(_ history: GitHistory) throws -> [String] {
        try history.history(of: try PhoneNumber.parse(Substring(ScriptedHistory.anna)).get(), from: try history.resolve("HEAD")).map {
            "\($0.commit.oid.hex) \($0.commit.author.name) \($0.change.summary)"
        }
    }

    /// The bytes with their last eight replaced by the checksum of the rest, as a writer would leave them.
    private func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var body = Array(bytes.dropLast(8))
        withUnsafeBytes(of: ByteWriter.checksum(body).littleEndian) { body += $0 }
        return body
    }

    func testACacheCommittedToTheRepositoryIsNeitherReadNorWritten() throws {
        let script = try ScriptedHistory()
        let root = script.fixture.path
        let honest = try answer(try GitHistory.open(inventoryRoot: root, useCache: false))
        XCTAssertTrue(honest.contains { $0.contains("Jonas Berg") })
        // The attacker fills a cache, puts another name on a commit, reseals the file and commits it.
        _ = try answer(try GitHistory.open(inventoryRoot: root))
        let cache = root + "/.ddi/cache"
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasPrefix("changes-") })
        let file = URL(fileURLWithPath: cache + "/" + name)
        var bytes = [UInt8](try Data(contentsOf: file))
        let real = Array("Jonas Berg".utf8), forged = Array("Mallory Ev".utf8)
        var replaced = 0
        var index = 0
        while index + real.count <= bytes.count - 8 {
            if Array(bytes[index..<index + real.count]) == real {
                bytes.replaceSubrange(index..<index + real.count, with: forged)
                replaced += 1
            }
            index += 1
        }
        XCTAssertGreaterThan(replaced, 0)
        let planted = resealed(bytes)
        try Data(planted).write(to: file)
        _ = try script.fixture.git("add", "-f", ".ddi")
        _ = try script.fixture.commit("Add a cache")

        let opened = try GitHistory.open(inventoryRoot: root)
        XCTAssertNil(opened.cacheDirectory, "a tracked .ddi/ is not a cache")
        XCTAssertEqual(try answer(opened), honest, "the forged author must not appear")
        XCTAssertTrue([UInt8](try Data(contentsOf: file)) == planted, "the tracked file is not rewritten either")
    }
}
