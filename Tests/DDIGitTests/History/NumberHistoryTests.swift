import DDIKit
import XCTest
@testable import DDIGit

final class NumberHistoryTests: XCTestCase {
    func number(_ text: String) throws -> PhoneNumber { try PhoneNumber.parse(Substring(text)).get() }

    func events(_ script: ScriptedHistory, _ text: String, cache: String? = nil, prefix: String = "") throws -> [(String, [NumberChangeKind], String)] {
        let repository = try GitRepository.discover(from: script.fixture.path)
        let history = GitHistory(repository: repository, prefix: prefix, cacheDirectory: cache)
        return try history.history(of: try number(text), from: try history.resolve("HEAD")).map {
            ($0.commit.oid.hex, $0.change.kinds, $0.change.summary)
        }
    }

    func testFollowsANumberAcrossFilesAndOwnersButNotUnrelatedCommits() throws {
        let script = try ScriptedHistory()
        let found = try events(script, ScriptedHistory.anna)
        XCTAssertEqual(found.map(\.0), ["import", "review", "move", "owner"].map { script.commits[$0] ?? "" })
        XCTAssertEqual(found[0].1, [.assigned])
        XCTAssertEqual(found[1].1, [.reviewed])
        XCTAssertEqual(found[2].2, "moved from numbers/sales.yaml to numbers/it.yaml")
        XCTAssertEqual(found[3].2, "owner anna.jensen@contoso.com → IT Operations")
    }

    func testABranchCommitCountsAndACleanMergeDoesNot() throws {
        let script = try ScriptedHistory()
        let found = try events(script, ScriptedHistory.peter)
        XCTAssertEqual(found.map(\.0), ["import", "offboard"].map { script.commits[$0] ?? "" })
        XCTAssertEqual(found[1].1, [.released])
        XCTAssertTrue(found[1].2.hasPrefix("assigned to peter.holm@contoso.com → quarantine since 2026-03-01"), found[1].2)
    }

    func testFollowsABlockThroughARenameAndASplit() throws {
        let script = try ScriptedHistory()
        let found = try events(script, ScriptedHistory.inBlock)
        XCTAssertEqual(found.map(\.0), ["import", "rename", "split"].map { script.commits[$0] ?? "" })
        XCTAssertEqual(found[1].2, "moved from hq.yaml to site.yaml")
        XCTAssertEqual(found[2].1, [.blockSplit])
        XCTAssertTrue(found[2].2.contains("+4533121120..+4533121149"), found[2].2)
    }

    func testInventoryInASubdirectory() throws {
        let script = try ScriptedHistory(prefix: "telephony/inventory")
        let found = try events(script, ScriptedHistory.anna, prefix: "telephony/inventory")
        XCTAssertEqual(found.count, 4)
        XCTAssertEqual(found[2].2, "moved from numbers/sales.yaml to numbers/it.yaml")
    }

    func testTheCacheNeverChangesAnAnswer() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let repository = try GitRepository.discover(from: script.fixture.path)
        let history = GitHistory(repository: repository, prefix: "", cacheDirectory: cache)
        _ = try history.records(from: try history.resolve("HEAD"))
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(files.count, 1)
        for text in [ScriptedHistory.anna, ScriptedHistory.peter, ScriptedHistory.inBlock, "+4533121500"] {
            let cold = try events(script, text)
            let warm = try events(script, text, cache: cache)
            XCTAssertEqual(cold.map(\.0), warm.map(\.0), text)
            XCTAssertEqual(cold.map(\.2), warm.map(\.2), text)
        }
        // A damaged cache is ignored.
        let file = cache + "/" + files[0]
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0xff
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(try events(script, ScriptedHistory.anna, cache: cache).map(\.0), try events(script, ScriptedHistory.anna).map(\.0))
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(try events(script, ScriptedHistory.anna, cache: cache).count, 4)
    }

    func testAnEmptyRepositoryIsAClearError() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.discover(from: fixture.path)
        XCTAssertNil(try repository.headCommit())
        let history = GitHistory(repository: repository, prefix: "")
        XCTAssertThrowsError(try history.resolve("HEAD")) { error in
            XCTAssertEqual(error as? GitHistoryError, .noCommits)
        }
    }

    func testUnknownRevisionsAndMissingInventories() throws {
        let script = try ScriptedHistory()
        let repository = try GitRepository.discover(from: script.fixture.path)
        let history = GitHistory(repository: repository, prefix: "")
        XCTAssertThrowsError(try history.resolve("no-such-branch")) { error in
            XCTAssertTrue((error as? GitError)?.isUnknownRevision ?? false, "\(error)")
        }
        let other = GitHistory(repository: repository, prefix: "nowhere")
        XCTAssertThrowsError(try other.inventory(at: try history.resolve("HEAD"), label: "HEAD")) { error in
            XCTAssertEqual("\(error)", "HEAD has no nowhere/ddi.yaml: the inventory did not exist in that revision")
        }
    }

    func testARevisionLoadsWithTheDiagnosticsOfTheDisk() throws {
        let script = try ScriptedHistory()
        try script.fixture.write("numbers/bad.yaml", "numbers:\n  - number: \"+4533121042\"\n    statsu: assigned\n")
        try script.fixture.commit("A typo")
        let repository = try GitRepository.discover(from: script.fixture.path)
        let history = GitHistory(repository: repository, prefix: "")
        let fromGit = try history.inventory(at: try history.resolve("HEAD"), label: "HEAD")
        let fromDisk = try InventoryLoader.load(root: script.fixture.path)
        XCTAssertEqual(fromGit.filePaths, fromDisk.filePaths)
        XCTAssertEqual(fromGit.diagnostics, fromDisk.diagnostics)
        XCTAssertFalse(fromGit.diagnostics.isEmpty)
    }
}
