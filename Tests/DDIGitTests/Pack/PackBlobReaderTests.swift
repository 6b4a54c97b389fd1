import DDIKit
import DDITestSupport
import Foundation
import XCTest
@testable import DDIGit

/// The pack reader must give exactly libgit2's bytes (or fail where libgit2 fails) for every blob, in
/// any reading order, with or without room to keep rebuilt entries, in packs written with offset
/// deltas, reference deltas and deep chains, and in damaged packs; and the change walker must give
/// the same records from packed objects as from loose ones (read by libgit2 alone).
final class PackBlobReaderTests: XCTestCase {
    /// Every blob of the repository, with the pack order `git cat-file` reports.
    private func blobs(_ fixture: GitFixture) throws -> [GitOID] {
        let listing = try fixture.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)", "--unordered")
        return listing.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 2, fields[1] == "blob" else { return nil }
            return GitOID(hex: String(fields[0]))
        }
    }

    private func packPaths(_ fixture: GitFixture) throws -> [String] {
        let directory = fixture.path + "/.git/objects/pack"
        return try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".pack") }.map { directory + "/" + $0 }
    }

    /// Reads every blob through a fresh reader and through libgit2, in `order`, and compares.
    private func assertSameAsLibGit2(_ fixture: GitFixture, order: [GitOID], budget: Int, planned: Bool, ahead: [GitOID]? = nil, _ label: String) throws {
        let repository = try GitRepository.discover(from: fixture.path)
        let libgit2 = try GitRepository.discover(from: fixture.path)
        let reader = PackBlobReader(repository: repository, packs: PackBlobReader.packFiles(of: repository), byteBudget: budget)
        if planned { reader.plan(order) }
        if let ahead {
            reader.inflateAhead(ahead)
            // Time for the other thread to inflate ahead of the first read, so that entries are handed over.
            Thread.sleep(forTimeInterval: 0.2)
        }
        for oid in order {
            XCTAssertEqual(try reader.bytes(oid), try libgit2.blobBytes(oid), "\(label): \(oid.hex)")
        }
        reader.stopInflatingAhead()
        if ahead == order { XCTAssertGreaterThan(reader.entriesInflatedAhead, 0, label) }
        XCTAssertEqual(reader.readsByLibGit2, 0, label)
    }

    private func assertEveryOrderMatches(_ fixture: GitFixture, _ label: String) throws {
        let all = try blobs(fixture)
        XCTAssertGreaterThan(all.count, 20)
        let repository = try GitRepository.discover(from: fixture.path)
        let packOrder = GitPackOrder(repository: repository).readingOrder(all)
        var generator = SeededGenerator(defaultSeed: 15)
        for (name, order) in [("pack order", packOrder), ("reversed", packOrder.reversed()), ("shuffled", packOrder.shuffled(using: &generator))] {
            for budget in [0, 1 << 12, 256 << 20] {
                try assertSameAsLibGit2(fixture, order: order, budget: budget, planned: true, "\(label), \(name), budget \(budget)")
            }
            try assertSameAsLibGit2(fixture, order: order, budget: 256 << 20, planned: false, "\(label), \(name), unplanned")
            // Entries inflated ahead on another thread (`InflateAhead`), for the order read, for
            // another order, and with no room to keep rebuilt entries.
            for (aheadName, ahead) in [("same", order), ("reversed", Array(order.reversed()))] {
                for budget in [0, 256 << 20] {
                    try assertSameAsLibGit2(fixture, order: order, budget: budget, planned: true, ahead: ahead, "\(label), \(name), ahead \(aheadName), budget \(budget)")
                }
            }
        }
    }

    func testEveryBlobEqualsLibGit2WithOffsetAndReferenceDeltas() throws {
        let history = try GeneratedHistory(seed: 7, commits: 60)
        let fixture = history.fixture
        try fixture.git("repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50")
        try assertEveryOrderMatches(fixture, "offset deltas")
        try fixture.git("-c", "repack.useDeltaBaseOffset=false", "repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50")
        try assertEveryOrderMatches(fixture, "reference deltas")
        try fixture.git("repack", "-a", "-d", "-f", "-q", "--window=250", "--depth=4000")
        try assertEveryOrderMatches(fixture, "deep chains")
    }

    /// Damage anywhere in the pack: the reader gives libgit2's bytes where libgit2 reads the blob and
    /// fails where it fails; it never traps.
    func testADamagedPackGivesLibGit2sAnswerOrItsError() throws {
        let history = try GeneratedHistory(seed: 11, commits: 25)
        let fixture = history.fixture
        try fixture.git("repack", "-a", "-d", "-f", "-q")
        let all = try blobs(fixture)
        let path = try XCTUnwrap(try packPaths(fixture).first)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let repository = try GitRepository.discover(from: fixture.path)
        let order = GitPackOrder(repository: repository).readingOrder(all)
        let stride = max(1, (original.count - 32) / 150)
        var checked = 0
        for position in Swift.stride(from: 12, to: original.count - 20, by: stride) {
            for flip: UInt8 in [0x01, 0x80] {
                var damaged = original
                damaged[position] ^= flip
                try damaged.write(to: URL(fileURLWithPath: path))
                let own = try GitRepository.discover(from: fixture.path)
                let libgit2 = try GitRepository.discover(from: fixture.path)
                let reader = PackBlobReader(repository: own, packs: PackBlobReader.packFiles(of: own))
                reader.plan(order)
                if flip == 0x80 { reader.inflateAhead(order) }
                defer { reader.stopInflatingAhead() }
                for oid in order {
                    let expected = Result { try libgit2.blobBytes(oid) }
                    let found = Result { try reader.bytes(oid) }
                    switch (expected, found) {
                    case (.success(let a), .success(let b)): XCTAssertEqual(a, b, "byte \(position) ^ \(flip): \(oid.hex)")
                    case (.failure, .failure): break
                    default: XCTFail("byte \(position) ^ \(flip): \(oid.hex): libgit2 \(expected), reader \(found)")
                    }
                    checked += 1
                }
            }
        }
        try original.write(to: URL(fileURLWithPath: path))
        XCTAssertGreaterThan(checked, 1000)
    }

    /// git's delta format read the plain way, every index checked: the reference for `PackDelta`.
    private func referenceApply(_ delta: [UInt8], to base: [UInt8]) -> [UInt8]? {
        var cursor = 0
        func varint() -> Int? {
            var value = 0
            var shift = 0
            while cursor < delta.count, shift <= 56 {
                let byte = delta[cursor]
                cursor += 1
                value |= Int(byte & 0x7f) << shift
                shift += 7
                if byte & 0x80 == 0 { return value }
            }
            return nil
        }
        guard let baseSize = varint(), baseSize == base.count, let size = varint(), size <= 1 << 30 else { return nil }
        var result: [UInt8] = []
        while cursor < delta.count {
            let op = delta[cursor]
            cursor += 1
            if op & 0x80 != 0 {
                var offset = 0, length = 0
                for bit in 0..<7 where op & (1 << bit) != 0 {
                    guard cursor < delta.count else { return nil }
                    if bit < 4 { offset |= Int(delta[cursor]) << (8 * bit) } else { length |= Int(delta[cursor]) << (8 * (bit - 4)) }
                    cursor += 1
                }
                if length == 0 { length = 0x10000 }
                guard offset + length <= base.count, result.count + length <= size else { return nil }
                result += base[offset..<(offset + length)]
            } else if op != 0 {
                guard cursor + Int(op) <= delta.count, result.count + Int(op) <= size else { return nil }
                result += delta[cursor..<(cursor + Int(op))]
                cursor += Int(op)
            } else {
                return nil
            }
        }
        return result.count == size ? result : nil
    }

    /// Damaged deltas: every truncation and every byte flipped at every position give what the plain
    /// reference gives (nil or the same bytes), never a read outside the base or the delta.
    func testDamagedDeltasMatchThePlainReference() {
        let base = Array("numbers:\n  - number: \"+4533121042\"\n    status: assigned\n".utf8)
        // base size, result size, copy 10 bytes from 0, insert "abc", copy the rest
        var delta: [UInt8] = [UInt8(base.count), UInt8(base.count + 3), 0x90, 10, 3] + Array("abc".utf8)
        delta += [0x91, 10, UInt8(base.count - 10)]
        XCTAssertEqual(PackDelta.apply(delta, to: base), Array(base[0..<10]) + Array("abc".utf8) + Array(base[10...]))
        for length in 0..<delta.count {
            XCTAssertNil(PackDelta.apply(Array(delta[0..<length]), to: base), "cut at \(length)")
            XCTAssertEqual(PackDelta.apply(Array(delta[0..<length]), to: base), referenceApply(Array(delta[0..<length]), to: base))
        }
        var accepted = 0
        for position in 0..<delta.count {
            for flip in 1...255 {
                var damaged = delta
                damaged[position] ^= UInt8(flip)
                let applied = PackDelta.apply(damaged, to: base)
                XCTAssertEqual(applied, referenceApply(damaged, to: base), "flip \(flip) at \(position)")
                if applied != nil { accepted += 1 }
            }
        }
        XCTAssertGreaterThan(accepted, 0)
        XCTAssertNil(PackDelta.apply([0x05, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], to: Array(repeating: 0, count: 5)))
        XCTAssertNil(Inflater().inflate([0x78, 0x9c, 0x03, 0x00], size: 1 << 40))
    }

    /// libdeflate (when the machine has it) and zlib inflate every entry of a pack alike, and refuse
    /// alike when the size is wrong.
    func testLibDeflateAndZlibInflateAlike() throws {
        let history = try GeneratedHistory(seed: 13, commits: 20)
        try history.fixture.git("repack", "-a", "-d", "-f", "-q")
        let repository = try GitRepository.discover(from: history.fixture.path)
        let pack = try XCTUnwrap(PackBlobReader.packFiles(of: repository).first)
        let inflater = Inflater()
        var entries = 0
        for offset in pack.index.sortedOffsets() {
            guard let header = pack.header(at: offset), let end = pack.end(ofEntryAt: offset),
                  let compressed = pack.read(at: header.dataOffset, count: Int(end - header.dataOffset)) else { continue }
            for size in [header.size, header.size + 1, max(0, header.size - 1)] {
                XCTAssertEqual(inflater.inflate(compressed, size: size), Inflater.zlibInflate(compressed, size: size), "entry at \(offset), size \(size)")
            }
            var damaged = compressed
            damaged[damaged.count / 2] ^= 0x20
            XCTAssertEqual(inflater.inflate(damaged, size: header.size), Inflater.zlibInflate(damaged, size: header.size), "damaged entry at \(offset)")
            entries += 1
        }
        XCTAssertGreaterThan(entries, 20)
        print("PackBlobReaderTests: libdeflate \(inflater.usesLibDeflate ? "found" : "not found"), \(entries) entries compared")
    }

    /// The walker's records from packed objects (read by `PackBlobReader`) equal those from loose
    /// objects (read by libgit2), on generated histories with merges, renames, moves between files,
    /// split blocks and files added and deleted.
    func testWalkerRecordsFromPacksEqualThoseFromLooseObjects() throws {
        for seed in [3, 5, 8] {
            let history = try GeneratedHistory(seed: UInt64(seed), commits: 40)
            func records() throws -> [String: [[EntryChange]]] {
                let repository = try GitRepository.discover(from: history.fixture.path)
                let walk = GitHistory(repository: repository, prefix: "", cacheDirectory: nil)
                var result: [String: [[EntryChange]]] = [:]
                for record in try walk.records(from: try walk.resolve("HEAD")) { result[record.commit.oid.hex] = record.changes }
                return result
            }
            XCTAssertTrue(try packPaths(history.fixture).isEmpty)
            XCTAssertFalse(try history.fixture.git("log", "--merges", "--oneline").isEmpty, "seed \(seed): no merge")
            XCTAssertTrue(try history.fixture.git("log", "-M", "--name-status", "--format=").contains("\nR"), "seed \(seed): no rename")
            let loose = try records()
            XCTAssertGreaterThan(loose.count, 20, "seed \(seed)")
            try history.fixture.git("repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50")
            XCTAssertEqual(try records(), loose, "seed \(seed), offset deltas")
            try history.fixture.git("-c", "repack.useDeltaBaseOffset=false", "repack", "-a", "-d", "-f", "-q")
            XCTAssertEqual(try records(), loose, "seed \(seed), reference deltas")
        }
    }

    /// The inventory of a commit read through the pack reader (`GitHistory.inventory(at:label:)`)
    /// equals the one libgit2 reads (`RevisionInventory.load`): same files, entries and diagnostics,
    /// at every commit of generated histories packed with offset and with reference deltas.
    func testInventoryAtACommitFromPacksEqualsLibGit2s() throws {
        func summary(_ loaded: LoadedInventory) -> [String] {
            loaded.filePaths + loaded.diagnostics.map { "\($0)" }
                + loaded.inventory.files.flatMap { file in file.numbers.map { "\(DeclaredEntry($0, path: file.path))" } }
        }
        for seed in [6, 7] {
            let history = try GeneratedHistory(seed: UInt64(seed), commits: 25)
            try history.fixture.write("numbers/broken.yaml", "numbers:\n  - number: [\"+4533129001\"\n")
            _ = try history.fixture.commit("broken file")
            for repack in [["repack", "-a", "-d", "-f", "-q", "--window=50", "--depth=50"],
                           ["-c", "repack.useDeltaBaseOffset=false", "repack", "-a", "-d", "-f", "-q"]] {
                _ = try history.fixture.run(repack)
                let repository = try GitRepository.discover(from: history.fixture.path)
                XCTAssertFalse(PackBlobReader.packFiles(of: repository).isEmpty)
                let walk = GitHistory(repository: repository, prefix: "", cacheDirectory: nil)
                let commits = try walk.walker.commitsOldestFirst(from: try walk.resolve("HEAD"))
                XCTAssertGreaterThan(commits.count, 25)
                for oid in commits {
                    let label = "seed \(seed), \(repack.joined(separator: " ")), \(oid.hex)"
                    let packed = try walk.inventory(at: oid, label: "HEAD")
                    let byLibGit2 = try RevisionInventory.load(walk.reader, commit: oid, label: "HEAD")
                    XCTAssertEqual(summary(packed), summary(byLibGit2), label)
                    XCTAssertGreaterThan(packed.inventory.files.count, 0, label)
                }
            }
        }
    }
}
