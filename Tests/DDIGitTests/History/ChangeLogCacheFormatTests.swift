import DDIKit
import Foundation
import XCTest
@testable import DDIGit

/// The change cache's format (issue 15): audit and report read each change's facts from its header,
/// a number's history from the cached tip reads only its own records, an older file is ignored and
/// replaced, a damaged part is not believed, and no damaged or rewritten file can crash a reader.
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

    /// The bytes with their last eight replaced by the checksum of the rest: how format 3 was sealed.
    private func resealedWholeFile(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 8 else { return bytes }
        var body = Array(bytes.dropLast(8))
        let sum = ByteWriter.checksum(body)
        withUnsafeBytes(of: sum.littleEndian) { body += $0 }
        return body
    }

    /// The bytes with every checksum a reader checks made to match them again (each record's, each
    /// key chunk's, the tables', the header's), as a writer would leave them; bytes whose header no
    /// longer places the parts are left as they are.
    private func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        guard var layout = bytes.withUnsafeBytes({ try? ChangeLogLayout.read($0, magic: ChangeLogCache.magic, version: ChangeLogCache.formatVersion,
                                                                              prefix: "", verifying: false) }) else { return bytes }
        func u64(_ at: Int) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian } }
        func u32(_ at: Int) -> UInt32 { bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian } }
        func put(_ value: UInt64, _ at: Int) { withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at..<at + 8, with: $0) } }
        for ordinal in 0..<Int(layout.recordCount) {
            let entry = layout.commitsRange.lowerBound + ordinal * ChangeLogLayout.commitEntrySize
            let offset = u64(entry + 20), length = UInt64(u32(entry + 28))
            guard offset <= layout.recordsLength, length <= layout.recordsLength - offset else { continue }
            let start = Int(layout.recordsOffset + offset)
            put(ByteWriter.checksum(bytes[start..<start + Int(length)]), entry + 32)
        }
        layout.commitsChecksum = ByteWriter.checksum(bytes[layout.commitsRange])
        for chunk in 0..<Int(layout.chunkCount) {
            let entry = layout.chunksRange.lowerBound + chunk * ChangeLogLayout.chunkEntrySize
            let offset = u64(entry + 16), count = UInt64(u32(entry + 24))
            let keys = layout.keysRange
            guard offset >= UInt64(keys.lowerBound), offset <= UInt64(keys.upperBound),
                  count <= (UInt64(keys.upperBound) - offset) / UInt64(ChangeLogLayout.keyEntrySize) else { continue }
            put(ByteWriter.checksum(bytes[Int(offset)..<Int(offset) + Int(count) * ChangeLogLayout.keyEntrySize]), entry + 28)
        }
        layout.chunksChecksum = ByteWriter.checksum(bytes[layout.chunksRange])
        layout.positionsChecksum = ByteWriter.checksum(bytes[layout.positionsRange])
        var header = ByteWriter()
        header.bytes(ChangeLogCache.magic)
        header.u32(ChangeLogCache.formatVersion)
        header.string("")
        layout.writeHeader(&header)
        bytes.replaceSubrange(0..<header.data.count, with: header.data)
        return bytes
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

    func testAnOlderFormatIsIgnoredAndReplaced() throws {
        for version: UInt8 in [2, 3] {
            let script = try ScriptedHistory()
            let cache = script.fixture.path + "/.ddi/cache"
            let expected = try answer(try history(script, cache: nil), ScriptedHistory.anna)
            _ = try answer(try history(script, cache: cache), ScriptedHistory.anna)
            let file = try cacheFile(cache)
            // The same bytes, labelled an older format and sealed as that format was: a file an older ddi wrote.
            var older = try read(file)
            let versionOffset = ChangeLogCache.magic.count
            XCTAssertEqual(older[versionOffset], UInt8(ChangeLogCache.formatVersion))
            older[versionOffset] = version
            try write(resealedWholeFile(older), file)
            let rebuilt = try history(script, cache: cache)
            XCTAssertEqual(try answer(rebuilt, ScriptedHistory.anna), expected)
            XCTAssertGreaterThan(rebuilt.walker.commitsComputed, 0, "a file of another format is not read (\(version))")
            XCTAssertEqual(try read(file)[versionOffset], UInt8(ChangeLogCache.formatVersion), "and it is replaced")
            let warm = try history(script, cache: cache)
            XCTAssertEqual(try answer(warm, ScriptedHistory.anna), expected)
            XCTAssertEqual(warm.walker.commitsComputed, 0)
        }
    }

    /// A cut file is no cache; a damaged record is computed again (the others still serve), whether
    /// the reader is a number's history or audit's facts.
    func testADamagedOrTruncatedCacheIsIgnored() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let cold = try history(script, cache: nil)
        let expectedFacts = try cold.records(from: try cold.resolve("HEAD")).map(CommitFacts.init)
        let expected = try answer(cold, ScriptedHistory.peter)
        _ = try answer(try history(script, cache: cache), ScriptedHistory.peter)
        let file = try cacheFile(cache)
        let good = try read(file)
        let truncated: [[UInt8]] = [Array(good.prefix(good.count / 2)), Array(good.dropLast()), Array(good.prefix(7))]
        let layout = try good.withUnsafeBytes {
            try ChangeLogLayout.read($0, magic: ChangeLogCache.magic, version: ChangeLogCache.formatVersion, prefix: "")
        }
        let head = try GitRepository.discover(from: script.fixture.path).resolveCommit("HEAD")
        let peter = try PhoneNumber.parse(Substring(ScriptedHistory.peter)).get()
        let offsets = Array(stride(from: 0, to: good.count, by: max(1, good.count / 40))) + [good.count - 1]
        for (bytes, offset) in truncated.map({ ($0, nil) }) + offsets.map({ offset -> ([UInt8], Int?) in
            var bytes = good
            bytes[offset] ^= 0x40
            return (bytes, offset)
        }) {
            try write(bytes, file)
            let warm = try history(script, cache: cache)
            XCTAssertEqual(try answer(warm, ScriptedHistory.peter), expected)
            if offset == nil { XCTAssertGreaterThan(warm.walker.commitsComputed, 0, "a cut file is not trusted") }
            XCTAssertNotNil(ChangeLogCache(directory: cache, prefix: "").numberRecords(touching: peter, tip: head),
                            "a history query that found a damaged part writes the file again")
            try write(bytes, file)
            let facts = try history(script, cache: cache)
            XCTAssertEqual(try facts.facts(from: try facts.resolve("HEAD")).map(\.changes), expectedFacts.map(\.changes))
            // Audit's facts read the header, the records and the commit table; the key index and the
            // positions serve a number's history only.
            if offset.map({ $0 < Int(layout.chunksOffset) }) ?? true {
                XCTAssertGreaterThan(facts.walker.commitsComputed, 0, "what a damaged part held is computed again (\(offset ?? -1))")
            }
        }
    }

    /// Each record carries its own checksum: a damaged record is computed again, and only it.
    func testADamagedRecordAloneIsComputedAgain() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let cold = try history(script, cache: nil)
        let expectedFacts = try cold.records(from: try cold.resolve("HEAD")).map(CommitFacts.init)
        _ = try cold.facts(from: try cold.resolve("HEAD"))
        _ = try history(script, cache: cache).facts(from: try cold.resolve("HEAD"))
        let file = try cacheFile(cache)
        var bytes = try read(file)
        let layout = try bytes.withUnsafeBytes {
            try ChangeLogLayout.read($0, magic: ChangeLogCache.magic, version: ChangeLogCache.formatVersion, prefix: "")
        }
        let table = try bytes.withUnsafeBytes { try ChangeLogCache.commitTable($0, layout) }
        let damaged = try XCTUnwrap(table.first { !$0.record.range.isEmpty })
        bytes[damaged.record.range.lowerBound + damaged.record.range.count / 2] ^= 0x01
        try write(bytes, file)
        let warm = try history(script, cache: cache)
        XCTAssertEqual(try warm.facts(from: try warm.resolve("HEAD")).map(\.changes), expectedFacts.map(\.changes))
        XCTAssertEqual(warm.walker.commitsComputed, 1, "only the damaged record is computed again")
    }

    /// Audit and report take the tip's commit order from the cache instead of walking the commits: the
    /// walk's very order, for that tip only, and none when the positions are damaged.
    func testTheCachedTipsCommitOrderIsTheWalksOrder() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let repository = try GitRepository.discover(from: script.fixture.path)
        let head = try repository.resolveCommit("HEAD")
        let walked = try ChangeWalker(reader: InventoryTreeReader(repository: repository, prefix: "")).commitsOldestFirst(from: head)
        XCTAssertGreaterThan(walked.count, 3)
        _ = try history(script, cache: cache).facts(from: head)
        var loaded = ChangeLogCache(directory: cache, prefix: "")
        loaded.load()
        XCTAssertEqual(loaded.commitsOldestFirst(from: head), walked)
        let parent = try XCTUnwrap(try repository.commit(head).parentOIDs.first)
        XCTAssertNil(loaded.commitsOldestFirst(from: parent))
        // Two commits given the same place, resealed: not an order.
        let file = try cacheFile(cache)
        var bytes = try read(file)
        let layout = try bytes.withUnsafeBytes {
            try ChangeLogLayout.read($0, magic: ChangeLogCache.magic, version: ChangeLogCache.formatVersion, prefix: "")
        }
        let first = layout.positionsRange.lowerBound
        bytes.replaceSubrange(first + 4..<first + 8, with: bytes[first..<first + 4])
        try write(resealed(bytes), file)
        var damaged = ChangeLogCache(directory: cache, prefix: "")
        damaged.load()
        XCTAssertNil(damaged.commitsOldestFirst(from: head))
        let rebuilt = try history(script, cache: cache)
        XCTAssertEqual(try rebuilt.facts(from: head).map(\.commit.oid), try history(script, cache: nil).facts(from: head).map(\.commit.oid))
    }

    /// A number's history from the tip the cache was written for reads it through the key index, with
    /// the answer of a run without cache, for every number the script changes; another tip walks.
    func testANumbersHistoryFromTheCachedTipReadsOnlyItsRecords() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let repository = try GitRepository.discover(from: script.fixture.path)
        let head = try repository.resolveCommit("HEAD")
        _ = try history(script, cache: cache).facts(from: head)
        let loaded = ChangeLogCache(directory: cache, prefix: "")
        let numbers = [ScriptedHistory.anna, ScriptedHistory.peter, ScriptedHistory.inBlock, "+4533121500", "+4533121042", "+4599999999"]
        for text in numbers {
            let number = try PhoneNumber.parse(Substring(text)).get()
            let found = try XCTUnwrap(loaded.numberRecords(touching: number, tip: head), text)
            let warm = try history(script, cache: cache)
            XCTAssertEqual(try answer(warm, text), try answer(try history(script, cache: nil), text), text)
            XCTAssertEqual(warm.walker.commitsComputed, 0, text)
            let changed = found.filter { $0.record.change(of: number) != nil }.count
            XCTAssertEqual(changed, try answer(warm, text).count, text)
        }
        let parent = try XCTUnwrap(try repository.commit(head).parentOIDs.first)
        XCTAssertNil(loaded.numberRecords(touching: try PhoneNumber.parse(Substring(ScriptedHistory.anna)).get(), tip: parent),
                     "the cache knows the order of the tip it was written for only")
        let older = try history(script, cache: cache)
        XCTAssertEqual(try older.history(of: try PhoneNumber.parse(Substring(ScriptedHistory.anna)).get(), from: parent).map(\.commit.oid),
                       try history(script, cache: nil).history(of: try PhoneNumber.parse(Substring(ScriptedHistory.anna)).get(), from: parent).map(\.commit.oid))
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
            for tip in commits.suffix(2) {
                _ = loaded.numberRecords(touching: number, tip: tip)
                _ = loaded.commitsOldestFirst(from: tip)
            }
            loaded.store(commits[0], nil)
            loaded.save(tip: commits[commits.count - 1], order: commits)
        }
    }
}
