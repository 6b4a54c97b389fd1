import DDIKit
import XCTest
@testable import DDIGit

/// A move or rename that leaves a number's fields as they were is not a change to that number: the
/// auditor must see who last decided something about it (issue 14, item 17).
final class AuditMoveTests: XCTestCase {
    static let quarantined = "+4533121007"
    static let reassigned = "+4533121044"

    func testRenamesAndMovesAreNotTheLastChange() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("ranges.yaml", Sample.ranges)
        try fixture.write("sites/cph.yaml", Sample.file(
            Sample.assigned(Self.quarantined, to: "bo.nielsen@contoso.com"),
            Sample.assigned(Self.reassigned, to: "lars.winther@contoso.com")))
        let imported = try fixture.commit("Import")
        try fixture.write("sites/cph.yaml", Sample.file(
            Sample.quarantine(Self.quarantined, since: "2026-11-02"),
            Sample.assigned(Self.reassigned, to: "lars.winther@contoso.com")))
        let quarantined = try fixture.commit("Offboard bo.nielsen", author: "ddi-bot", email: "bot@contoso.com")
        try fixture.git("mv", "sites/cph.yaml", "sites/copenhagen.yaml")
        let renamed = try fixture.commit("Rename sites/cph.yaml", author: "Jonas Berg", email: "jonas.berg@contoso.com")
        // Moved to another file and changed in the same commit: that is a change.
        try fixture.write("sites/copenhagen.yaml", Sample.file(Sample.quarantine(Self.quarantined, since: "2026-11-02")))
        try fixture.write("departments/sales.yaml", "# Sales\n" + Sample.file(Sample.assigned(Self.reassigned, to: "mads.kristensen@contoso.com")))
        let handedOver = try fixture.commit("Hand Lars' number to Mads and file it under Sales")
        // Moved back without a change: not a change.
        try fixture.write("sites/copenhagen.yaml", Sample.file(
            Sample.quarantine(Self.quarantined, since: "2026-11-02"),
            Sample.assigned(Self.reassigned, to: "mads.kristensen@contoso.com")))
        try fixture.remove("departments/sales.yaml")
        _ = try fixture.commit("Tidy: one file per site", author: "Jonas Berg", email: "jonas.berg@contoso.com")

        let repository = try GitRepository.discover(from: fixture.path)
        let history = GitHistory(repository: repository, prefix: "", cacheDirectory: fixture.path + "/.ddi/cache")
        let today = try XCTUnwrap(Day(iso: "2026-11-27"))
        for _ in 0..<2 { // cold, then from the cache
            let report = try Audit.run(history, at: try history.resolve("HEAD"), label: "HEAD", today: today)
            let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.entry.key, $0) })
            XCTAssertEqual(rows[Self.quarantined]?.lastChange?.oid.hex, quarantined, "the rename (\(renamed)) is not a change; the import was \(imported)")
            XCTAssertEqual(rows[Self.quarantined]?.lastChange?.author.name, "ddi-bot")
            XCTAssertEqual(rows[Self.reassigned]?.lastChange?.oid.hex, handedOver)
            XCTAssertEqual(rows[Self.reassigned]?.entry.path, "sites/copenhagen.yaml")
        }
        // History still shows the move.
        let number = try PhoneNumber.parse(Substring(Self.quarantined)).get()
        let events = try history.history(of: number, from: try history.resolve("HEAD"))
        XCTAssertTrue(events.contains { $0.commit.oid.hex == renamed }, "history shows the rename as a move")
    }
}
