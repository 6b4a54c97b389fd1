import DDIKit
import Foundation
import XCTest
@testable import DDIGit

/// A warm `ddi audit` reads the audited tree's entries from `.ddi/cache/` instead of parsing the whole
/// inventory (issue 15), and answers exactly as an audit without any cache, whatever the cache holds.
final class AuditedEntriesCacheTests: XCTestCase {
    private let today = Day(iso: "2027-06-01") ?? Day(daysSinceEpoch: 0)

    private func rendered(_ script: ScriptedHistory, cache: String?) throws -> (String, GitHistory) {
        let history = GitHistory(repository: try GitRepository.discover(from: script.fixture.path), prefix: "", cacheDirectory: cache)
        let accounts = DirectoryAccounts(known: ["peter.holm@contoso.com"], disabled: ["anna.jensen@contoso.com"])
        let report = try Audit.run(history, at: try history.resolve("HEAD"), label: "HEAD", today: today, accounts: accounts)
        let renderer = AuditRenderer()
        let text = try AuditFormat.allCases.map { try renderer.render(report, as: $0) }.joined(separator: "\n--\n")
        return (text, history)
    }

    private func entriesFile(_ cache: String) throws -> String {
        cache + "/" + (try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasPrefix("entries-") }))
    }

    func testAWarmAuditParsesNoInventoryAndAnswersTheSame() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let (expected, uncached) = try rendered(script, cache: nil)
        XCTAssertEqual(uncached.inventoryParses, 1)
        let (cold, first) = try rendered(script, cache: cache)
        XCTAssertEqual(first.inventoryParses, 1)
        let (warm, second) = try rendered(script, cache: cache)
        XCTAssertEqual(second.inventoryParses, 0, "the entries come from .ddi/cache/")
        XCTAssertEqual(cold, expected)
        XCTAssertEqual(warm, expected)
    }

    func testANewCommitIsAuditedFromItsOwnTree() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        _ = try rendered(script, cache: cache)
        try script.fixture.write("numbers/it.yaml", "# IT\n" + Sample.file(Sample.assigned(
            ScriptedHistory.anna, to: "anna.jensen@contoso.com", reviewed: "2027-05-01", owner: "IT Operations")))
        _ = try script.fixture.commit("Review anna")
        let (warm, history) = try rendered(script, cache: cache)
        XCTAssertEqual(history.inventoryParses, 1, "another tree is parsed, not taken from the cache")
        XCTAssertEqual(warm, try rendered(script, cache: nil).0)
        XCTAssertTrue(warm.contains("2027-05-01"))
    }

    func testADamagedEntriesCacheIsIgnored() throws {
        let script = try ScriptedHistory()
        let cache = script.fixture.path + "/.ddi/cache"
        let (expected, _) = try rendered(script, cache: nil)
        _ = try rendered(script, cache: cache)
        let file = try entriesFile(cache)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        var flipped = good
        flipped[good.count / 2] ^= 0x20
        for bytes in [flipped, Array(good.prefix(good.count - 1)), Array(good.prefix(good.count / 2)), [1, 2, 3]] {
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            let (warm, history) = try rendered(script, cache: cache)
            XCTAssertEqual(warm, expected)
            XCTAssertEqual(history.inventoryParses, 1, "a damaged file is not trusted")
        }
    }

    /// Two entries starting at the same number (in two files: a DDI error, still audited) keep the
    /// order of the sort before it was done on indices: by key, then file, then line.
    func testEntriesAtTheSameNumberAreOrderedByKeyFileAndLine() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("ranges.yaml", Sample.ranges)
        try fixture.write("b.yaml", Sample.file(Sample.assigned("+4533121042", to: "b@contoso.com"), Sample.assigned("+4533121042", to: "c@contoso.com")))
        try fixture.write("a.yaml", Sample.file(Sample.assigned("+4533121042", to: "a@contoso.com"), Sample.assigned("+4533121041", to: "z@contoso.com")))
        _ = try fixture.commit("Duplicates")
        let history = GitHistory(repository: try GitRepository.discover(from: fixture.path), prefix: "", cacheDirectory: fixture.path + "/.ddi/cache")
        for _ in 0..<2 {
            let report = try Audit.run(history, at: try history.resolve("HEAD"), label: "HEAD", today: today)
            XCTAssertEqual(report.rows.map { "\($0.entry.key) \($0.entry.path) \($0.entry.assignedTo ?? "")" }, [
                "+4533121041 a.yaml z@contoso.com", "+4533121042 a.yaml a@contoso.com",
                "+4533121042 b.yaml b@contoso.com", "+4533121042 b.yaml c@contoso.com",
            ])
        }
    }
}
