import DDIKit
import XCTest
@testable import DDIGit

/// `ddi history` writes and reuses the same change cache as `audit` and `report` (issue 15, item 2):
/// the second query reads only the cache, a new commit costs only its own diff, and the answers are
/// the answers of a run without any cache.
final class ChangeLogCacheTests: XCTestCase {
    private func number(_ text: String) throws -> PhoneNumber { try PhoneNumber.parse(Substring(text)).get() }

    private func history(_ script: ScriptedHistory, cache: String?) throws -> GitHistory {
        GitHistory(repository: try GitRepository.discover(from: script.fixture.path), prefix: "", cacheDirectory: cache)
    }

    private func answer(_ history: GitHistory, _ text: String) throws -> [String] {
        try history.history(of: try number(text), from: try history.resolve("HEAD")).map {
            "\($0.commit.oid.hex) \($0.change.kinds) \($0.change.summary)"
        }
    }

    private static let numbers = [ScriptedHistory.anna, ScriptedHistory.peter, ScriptedHistory.inBlock, "+4533121500"]

    func testAHistoryQueryWritesTheCacheAndTheSecondQueryReadsOnlyIt() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let first = try history(script, cache: cache)
        let firstAnswer = try answer(first, ScriptedHistory.anna)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".bin") }.count, 1,
                       "history writes the change cache as audit does")
        XCTAssertGreaterThan(first.walker.commitsComputed, 0)
        for text in Self.numbers {
            let warm = try history(script, cache: cache)
            let cold = try history(script, cache: nil)
            XCTAssertEqual(try answer(warm, text), try answer(cold, text), text)
            XCTAssertEqual(warm.walker.commitsComputed, 0, "the second query reads only the cache (\(text))")
        }
        XCTAssertEqual(firstAnswer, try answer(try history(script, cache: nil), ScriptedHistory.anna))
        // What history wrote serves audit's full records, equal to those computed without a cache.
        let audit = try history(script, cache: cache)
        let cached = try audit.records(from: try audit.resolve("HEAD"))
        let fresh = try history(script, cache: nil)
        let computed = try fresh.records(from: try fresh.resolve("HEAD"))
        XCTAssertEqual(audit.walker.commitsComputed, 0)
        XCTAssertEqual(cached.map(\.commit), computed.map(\.commit))
        XCTAssertEqual(cached.map(\.changes), computed.map(\.changes))
    }

    func testANewCommitCostsOnlyItsOwnDiff() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        _ = try answer(try history(script, cache: cache), ScriptedHistory.peter)
        try script.fixture.write("numbers/it.yaml", "# IT\n" + Sample.file(Sample.assigned(
            ScriptedHistory.anna, to: "anna.jensen@contoso.com", reviewed: "2026-06-01", owner: "IT Operations")))
        try script.fixture.commit("Review anna again")
        let next = try history(script, cache: cache)
        let warm = try answer(next, ScriptedHistory.anna)
        XCTAssertEqual(next.walker.commitsComputed, 1, "only the new commit is walked")
        XCTAssertEqual(warm, try answer(try history(script, cache: nil), ScriptedHistory.anna))
        XCTAssertEqual(warm.count, 5)
        let after = try history(script, cache: cache)
        XCTAssertEqual(try answer(after, ScriptedHistory.anna), warm)
        XCTAssertEqual(after.walker.commitsComputed, 0, "the new commit was folded into the cache")
    }

    func testAFilteredReadKeepsEveryRecordWhenTheCacheIsWrittenAgain() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        _ = try answer(try history(script, cache: cache), ScriptedHistory.anna)
        try script.fixture.write("README.md", "a third time not an inventory\n")
        try script.fixture.commit("Touch the README again")
        // This query decodes only anna's changes, then writes the cache again with the new commit.
        _ = try answer(try history(script, cache: cache), ScriptedHistory.anna)
        let audit = try history(script, cache: cache)
        let cached = try audit.records(from: try audit.resolve("HEAD"))
        let fresh = try history(script, cache: nil)
        XCTAssertEqual(audit.walker.commitsComputed, 0)
        XCTAssertEqual(cached.map(\.changes), try fresh.records(from: try fresh.resolve("HEAD")).map(\.changes))
    }

    func testAnExtensionIsFoundThroughTheCache() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("ranges.yaml", Sample.ranges)
        try fixture.write("numbers.yaml", Sample.file(
            Sample.assigned("+4533121042;ext=12", to: "anna.jensen@contoso.com"),
            Sample.assigned("+4533121042;ext=13", to: "peter.holm@contoso.com")))
        try fixture.commit("Two extensions")
        try fixture.write("numbers.yaml", Sample.file(
            Sample.assigned("+4533121042;ext=12", to: "anna.jensen@contoso.com", reviewed: "2026-02-01"),
            Sample.assigned("+4533121042;ext=13", to: "peter.holm@contoso.com")))
        try fixture.commit("Review anna")
        let cache = fixture.path + "/.ddi/cache"
        let repository = try GitRepository.discover(from: fixture.path)
        for text in ["+4533121042;ext=12", "+4533121042;ext=13", "+4533121042"] {
            let cold = GitHistory(repository: repository, prefix: "", cacheDirectory: nil)
            let first = GitHistory(repository: repository, prefix: "", cacheDirectory: cache)
            let warm = GitHistory(repository: repository, prefix: "", cacheDirectory: cache)
            let expected = try cold.history(of: try number(text), from: try cold.resolve("HEAD")).map(\.commit.oid)
            XCTAssertEqual(try first.history(of: try number(text), from: try first.resolve("HEAD")).map(\.commit.oid), expected, text)
            XCTAssertEqual(try warm.history(of: try number(text), from: try warm.resolve("HEAD")).map(\.commit.oid), expected, text)
        }
    }
}
