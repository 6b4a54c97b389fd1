import DDIKit
import XCTest
@testable import DDIGit

final class AuditTests: XCTestCase {
    func testLastChangeIsTheLastCommitThatChangedTheDeclaration() throws {
        let script = try ScriptedHistory()
        let repository = try GitRepository.discover(from: script.fixture.path)
        let history = GitHistory(repository: repository, prefix: "", cacheDirectory: script.fixture.path + "/.ddi/cache")
        let today = try XCTUnwrap(Day(iso: "2027-06-01"))
        let accounts = DirectoryAccounts(known: ["peter.holm@contoso.com"], disabled: [])
        for _ in 0..<2 { // cold, then from the cache
            let report = try Audit.run(history, at: try history.resolve("HEAD"), label: "HEAD", today: today, accounts: accounts)
            let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.entry.key, $0) })
            XCTAssertEqual(rows.count, 4)
            XCTAssertEqual(rows[ScriptedHistory.anna]?.lastChange?.oid.hex, script.commits["owner"])
            XCTAssertEqual(rows[ScriptedHistory.peter]?.lastChange?.oid.hex, script.commits["offboard"])
            XCTAssertEqual(rows["+4533121120..+4533121149"]?.lastChange?.oid.hex, script.commits["split"])
            XCTAssertEqual(rows["+4533121120..+4533121149"]?.lastChange?.author.offsetMinutes, -150)
            XCTAssertEqual(rows[ScriptedHistory.anna]?.flags, [.staleReview, .deletedAccount])
            XCTAssertEqual(rows[ScriptedHistory.peter]?.flags, [.quarantineOver])
            XCTAssertEqual(rows["+4533121100..+4533121119"]?.flags, [.expiredReservation])
        }
    }
}
