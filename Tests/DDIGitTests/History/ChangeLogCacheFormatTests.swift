import DDIKit
import Foundation
import XCTest
@testable import DDIGit

/// The change cache's format 3 (issue 15): audit and report read each change's facts from its header,
/// an older file is ignored and replaced, and no damaged or rewritten file can crash a reader.
final class ChangeLogCacheFormatTests: XCTestCase {
    private func history(_ script: ScriptedHistory, cache: String?) throws -> GitHistory {
        GitHistory(repository: try GitRepository.discover(from: script.fixture.path), prefix: "", cacheDirectory: cache)
    }

    private func cacheFile(_ cache: String) throws -> String {
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasPrefix("changes-") })
        return cache + "/" + name
    }

    private func read(_ path: String) throws -> [UInt8] { try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) }

    private func write(_ bytes: [UInt8], _ path: String) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    /// The bytes with their last eight replaced by the checksum of the rest, as a writer would leave them.
    private func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 8 else { return bytes }
        var body = Array(bytes.dropLast(8))
        let sum = ByteWriter.checksum(body)
        withUnsafeBytes(of: sum.littleEndian) { body += $0 }
        return body
    }

    private func answer(_ history: GitHistory, _ number: String) throws -> [String] {
        try history.history(of: try PhoneNumber.parse(Substring(number)).get(), from: try history.resolve("HEAD")).map {
            "\($0.commit.oid.hex) \($0.change.kinds) \($0.change.summary)"
        }
    }

    func testFactsFromTheCacheAreTheFactsOfTheComputedRecords() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let cold = try history(script, cache: nil)
        let expected = try cold.records(from: try cold.resolve("HEAD")).map(CommitFacts.init)
        XCTAssertTrue(expected.contains { $0.changes.joined().contains { $0.isMoveOnly } }, "the script moves an entry between files")
        XCTAssertTrue(expected.contains { $0.changes.joined().contains { $0.before?.countsAsAssigned == true } })
        let first = try history(script, cache: cache)
        let computed = try first.facts(from: try first.resolve("HEAD"))
        let warm = try history(script, cache: cache)
        let cached = try warm.facts(from: try warm.resolve("HEAD"))
        XCTAssertEqual(warm.walker.commitsComputed, 0, "the second reading comes from the cache")
        for facts in [computed, cached] {
            XCTAssertEqual(facts.map(\.commit), expected.map(\.commit))
            XCTAssertEqual(facts.map(\.changes), expected.map(\.changes))
        }
    }

    func testAFormatTwoCacheIsIgnoredAndReplaced() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let expected = try answer(try history(script, cache: nil), ScriptedHistory.anna)
        _ = try answer(try history(script, cache: cache), ScriptedHistory.anna)
        let file = try cacheFile(cache)
        // The same bytes, labelled format 2 and sealed with a valid checksum: a file an older ddi wrote.
        var older = try read(file)
        let versionOffset = ChangeLogCache.magic.count
        XCTAssertEqual(older[versionOffset], UInt8(ChangeLogCache.formatVersion))
        older[versionOffset] = 2
        try write(resealed(older), file)
        let rebuilt = try history(script, cache: cache)
        XCTAssertEqual(try answer(rebuilt, ScriptedHistory.anna), expected)
        XCTAssertGreaterThan(rebuilt.walker.commitsComputed, 0, "a file of another format is not read")
        XCTAssertEqual(try read(file)[versionOffset], UInt8(ChangeLogCache.formatVersion), "and it is replaced")
        let warm = try history(script, cache: cache)
        XCTAssertEqual(try answer(warm, ScriptedHistory.anna), expected)
        XCTAssertEqual(warm.walker.commitsComputed, 0)
    }

    func testADamagedOrTruncatedCacheIsIgnored() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let cold = try history(script, cache: nil)
        let expectedFacts = try cold.records(from: try cold.resolve("HEAD")).map(CommitFacts.init)
        let expected = try answer(cold, ScriptedHistory.peter)
        _ = try answer(try history(script, cache: cache), ScriptedHistory.peter)
        let file = try cacheFile(cache)
        let good = try read(file)
        let damaged: [[UInt8]] = [
            Array(good.prefix(good.count / 2)), Array(good.dropLast()), Array(good.prefix(7)),
            { var bytes = good; bytes[bytes.count / 3] ^= 0x40; return bytes }(),
        ]
        for bytes in damaged {
            try write(bytes, file)
            let warm = try history(script, cache: cache)
            XCTAssertEqual(try answer(warm, ScriptedHistory.peter), expected)
            XCTAssertGreaterThan(warm.walker.commitsComputed, 0, "a damaged file is not trusted")
            try write(bytes, file)
            let facts = try history(script, cache: cache)
            XCTAssertEqual(try facts.facts(from: try facts.resolve("HEAD")).map(\.changes), expectedFacts.map(\.changes))
        }
    }

    /// A file rewritten with a valid checksum (by hand, or by an attacker who can write `.ddi/`) is
    /// decoded with every length and count checked: each byte changed in turn, and the file cut at
    /// every length, never traps in any reader (a wrong record can only be as wrong as the bytes).
    func testNoRewrittenCacheCrashesAReader() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        _ = try answer(try history(script, cache: cache), ScriptedHistory.anna)
        let file = try cacheFile(cache)
        let good = try read(file)
        let repository = try GitRepository.discover(from: script.fixture.path)
        let commits = try ChangeWalker(reader: InventoryTreeReader(repository: repository, prefix: "")).commitsOldestFirst(from: try repository.resolveCommit("HEAD"))
        let number = try PhoneNumber.parse(Substring(ScriptedHistory.anna)).get()
        var variants: [[UInt8]] = []
        for offset in stride(from: 0, to: good.count - 8, by: max(1, good.count / 1500)) {
            for flip: UInt8 in [0xff, 0x80] {
                var bytes = good
                bytes[offset] ^= flip
                variants.append(resealed(bytes))
            }
        }
        for length in stride(from: 8, to: good.count, by: max(1, good.count / 300)) {
            variants.append(resealed(Array(good.prefix(length))))
        }
        for bytes in variants {
            try write(bytes, file)
            var loaded = ChangeLogCache(directory: cache, prefix: "")
            loaded.load()
            for oid in commits {
                _ = loaded.lookup(oid)
                _ = loaded.lookup(oid, touching: number)
                _ = loaded.lookupFacts(oid)
            }
        }
    }
}
