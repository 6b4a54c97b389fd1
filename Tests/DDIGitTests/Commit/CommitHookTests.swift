import DDIKit
import XCTest
@testable import DDIGit

/// The hook file and the message file it fills.
final class CommitHookTests: XCTestCase {
    func testScriptQuotesPathsForTheShell() {
        let script = CommitHook.script(ddiPath: "/opt/it's ddi/ddi", inventoryPath: "")
        XCTAssertTrue(script.contains("ddi='/opt/it'\\''s ddi/ddi'"), script)
        XCTAssertTrue(script.contains("hook prepare-commit-msg -C '.' \"$@\" || true"), script)
        XCTAssertTrue(script.hasPrefix("#!/bin/sh\n"))
    }

    func testNeverOverwritesAndForceKeepsABackup() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.open(at: fixture.path)
        let hooks = fixture.path + "/.git/hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho mine\n".utf8).write(to: URL(fileURLWithPath: hooks + "/prepare-commit-msg"))
        XCTAssertThrowsError(try CommitHook.install(in: repository, ddiPath: "/usr/bin/ddi", inventoryPath: "", force: false)) { error in
            XCTAssertEqual(error as? CommitHookError, .exists(path: hooks + "/prepare-commit-msg"))
        }
        XCTAssertEqual(try String(contentsOfFile: hooks + "/prepare-commit-msg", encoding: .utf8), "#!/bin/sh\necho mine\n")
        let installed = try CommitHook.install(in: repository, ddiPath: "/usr/bin/ddi", inventoryPath: "", force: true)
        XCTAssertEqual(installed.backup, hooks + "/prepare-commit-msg.ddi-backup")
        XCTAssertEqual(try String(contentsOfFile: hooks + "/prepare-commit-msg.ddi-backup", encoding: .utf8), "#!/bin/sh\necho mine\n")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: installed.path))
        let again = try CommitHook.install(in: repository, ddiPath: "/usr/bin/ddi", inventoryPath: "", force: false)
        XCTAssertTrue(again.unchanged)
    }

    func testHooksPathIsHonoured() throws {
        let fixture = try GitFixture()
        try fixture.git("config", "core.hooksPath", "tools/hooks")
        let repository = try GitRepository.open(at: fixture.path)
        let installed = try CommitHook.install(in: repository, ddiPath: "/usr/bin/ddi", inventoryPath: "inv", force: false)
        XCTAssertEqual(URL(fileURLWithPath: installed.path).resolvingSymlinksInPath().path,
                       URL(fileURLWithPath: fixture.path + "/tools/hooks/prepare-commit-msg").resolvingSymlinksInPath().path)
    }

    func pending() throws -> PendingInventoryCommit {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", Sample.config)
        try fixture.write("numbers.yaml", Sample.ranges + Sample.file(Sample.assigned("+4533121042", to: "anna.jensen@contoso.com")))
        try fixture.commit("Initial inventory")
        try fixture.write("numbers.yaml", Sample.ranges + Sample.file(Sample.quarantine("+4533121042", since: "2026-11-02")))
        try fixture.git("add", "numbers.yaml")
        return try InventoryCommitter(inventoryRoot: fixture.path).pending()
    }

    func testFillsANewMessageAboveGitsComments() throws {
        let text = "\n# Please enter the commit message for your changes.\n#\n"
        let filled = try XCTUnwrap(CommitMessageFile.fill(text, source: nil, pending: try pending()))
        XCTAssertEqual(filled, """
        Release +4533121042 from anna.jensen@contoso.com to quarantine

        +4533121042: assigned to anna.jensen@contoso.com → quarantine since
          2026-11-02

        Number: +4533121042

        # Please enter the commit message for your changes.
        #

        """)
    }

    func testKeepsAMessageGivenWithDashMAndAddsTheTrailers() throws {
        let filled = try XCTUnwrap(CommitMessageFile.fill("Anna left\n", source: "message", pending: try pending()))
        XCTAssertEqual(filled, "Anna left\n\n+4533121042: assigned to anna.jensen@contoso.com → quarantine since\n  2026-11-02\n\nNumber: +4533121042\n")
        XCTAssertNil(CommitMessageFile.fill("Merge branch 'x'\n", source: "merge", pending: try pending()))
    }
}
