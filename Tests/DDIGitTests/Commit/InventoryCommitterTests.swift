import DDIKit
import XCTest
@testable import DDIGit

/// Commits made through libgit2: the staged inventory, a generated message, the identity given, and
/// a commit git itself reads back.
final class InventoryCommitterTests: XCTestCase {
    let identity = GitIdentity(
        author: GitSignature(name: "Ole Hansen", email: "ole.hansen@contoso.com", time: 1_786_439_700, offsetMinutes: 60),
        committer: GitSignature(name: "ddi-bot", email: "ddi-bot@contoso.com", time: 1_786_439_760, offsetMinutes: 60)
    )

    func fixture() throws -> GitFixture {
        let fixture = try GitFixture()
        try fixture.write("inventory/ddi.yaml", Sample.config)
        try fixture.write("inventory/ranges.yaml", Sample.ranges)
        try fixture.write("inventory/numbers.yaml", Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com")))
        try fixture.write("README.txt", "not inventory\n")
        try fixture.commit("Initial inventory")
        return fixture
    }

    func testCommitsTheStagedChangeWithTheGeneratedMessage() throws {
        let fixture = try fixture()
        try fixture.write("inventory/numbers.yaml", Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com"), Sample.assigned("+4533121047", to: "ida.poulsen@contoso.com")))
        let committer = try InventoryCommitter(inventoryRoot: fixture.path + "/inventory")
        XCTAssertEqual(try committer.uncommittedPaths(), ["numbers.yaml"])
        try committer.stageAll()
        let pending = try committer.pending()
        XCTAssertTrue(pending.touchesInventory)
        let message = pending.message(note: "HR case 2026-0388")
        let oid = try committer.commit(pending, message: message, identity: identity)
        XCTAssertEqual(try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines), oid.hex)
        XCTAssertEqual(try fixture.git("log", "-1", "--format=%an <%ae> %ad|%cn <%ce>|%s", "--date=iso-strict"),
                       "Ole Hansen <ole.hansen@contoso.com> 2026-08-11T10:15:00+01:00|ddi-bot <ddi-bot@contoso.com>|Assign +4533121047 to ida.poulsen@contoso.com\n")
        XCTAssertEqual(try fixture.git("log", "-1", "--format=%B"), message.text + "\n")
        XCTAssertEqual(try fixture.git("log", "-1", "--format=%(trailers:key=Number,valueonly)"), "+4533121047\n\n")
        XCTAssertEqual(try fixture.git("status", "--porcelain"), "")
        XCTAssertEqual(try committer.uncommittedPaths(), [])
    }

    func testOnlyTheStagedChangeIsCommitted() throws {
        let fixture = try fixture()
        try fixture.write("inventory/numbers.yaml", Sample.file(Sample.quarantine("+4533121042", since: "2026-11-02")))
        try fixture.git("add", "inventory/numbers.yaml")
        try fixture.write("inventory/ranges.yaml", Sample.ranges + "# edited, not staged\n")
        let committer = try InventoryCommitter(inventoryRoot: fixture.path + "/inventory")
        let pending = try committer.pending()
        _ = try committer.commit(pending, message: pending.message(), identity: identity)
        XCTAssertEqual(try fixture.git("status", "--porcelain"), " M inventory/ranges.yaml\n")
        XCTAssertEqual(try fixture.git("log", "-1", "--format=%s"), "Release +4533121042 from anna.jensen@contoso.com to quarantine\n")
    }

    func testNothingStagedIsRefused() throws {
        let fixture = try fixture()
        let committer = try InventoryCommitter(inventoryRoot: fixture.path + "/inventory")
        let pending = try committer.pending()
        XCTAssertFalse(pending.touchesInventory)
        XCTAssertThrowsError(try committer.commit(pending, message: pending.message(), identity: identity)) { error in
            XCTAssertEqual(error as? InventoryCommitError, .nothingStaged)
        }
    }

    func testDeletedAndNewFilesAreStagedWithAll() throws {
        let fixture = try fixture()
        try fixture.remove("inventory/numbers.yaml")
        try fixture.write("inventory/sites/new.yaml", Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com")))
        let committer = try InventoryCommitter(inventoryRoot: fixture.path + "/inventory")
        try committer.stageAll()
        let pending = try committer.pending()
        XCTAssertEqual(pending.diff.numbers.map(\.kinds), [[.moved]])
        _ = try committer.commit(pending, message: pending.message(), identity: identity)
        XCTAssertEqual(try fixture.git("log", "-1", "--format=%s"), "Move +4533121042 to sites/new.yaml\n")
        XCTAssertEqual(try fixture.git("status", "--porcelain"), "")
    }

    func testFirstCommitOfANewRepository() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("numbers.yaml", Sample.ranges + Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com")))
        let committer = try InventoryCommitter(inventoryRoot: fixture.path)
        try committer.stageAll()
        let pending = try committer.pending()
        XCTAssertNil(pending.parent)
        _ = try committer.commit(pending, message: pending.message(), identity: identity)
        XCTAssertEqual(try fixture.git("log", "--format=%s"), "Assign +4533121042 to anna.jensen@contoso.com; add range cph-hq\n")
    }

    func testABadIdentityIsLibGit2sErrorNotACrash() throws {
        let fixture = try fixture()
        try fixture.write("inventory/numbers.yaml", Sample.file(Sample.quarantine("+4533121042", since: "2026-11-02")))
        let committer = try InventoryCommitter(inventoryRoot: fixture.path + "/inventory")
        try committer.stageAll()
        let pending = try committer.pending()
        var bad = identity
        bad.author.name = "Mallory <evil@example.com>"
        XCTAssertThrowsError(try committer.commit(pending, message: pending.message(), identity: bad)) { error in
            XCTAssertTrue(error is GitError, "\(error)")
        }
    }

    func testCommittedChangesSinceABaseCarryTheirMessages() throws {
        let fixture = try fixture()
        let base = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try fixture.write("inventory/numbers.yaml", Sample.file(Sample.quarantine("+4533121042", since: "2026-11-02")))
        try fixture.commit("update numbers.yaml")
        try fixture.write("README.txt", "still not inventory\n")
        try fixture.commit("docs")
        let history = try GitHistory.open(inventoryRoot: fixture.path + "/inventory", useCache: false)
        let head = try XCTUnwrap(try history.repository.headCommit())
        let changes = try CommittedChanges.since(try XCTUnwrap(GitOID(hex: base)), head: head, in: history)
        XCTAssertEqual(changes.map(\.subject), ["update numbers.yaml"])
        XCTAssertEqual(changes.first?.missingTrailers, CommitTrailers(numbers: ["+4533121042"]))
    }
}
