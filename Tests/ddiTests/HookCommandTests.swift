import Foundation
import XCTest

/// `ddi hook install` and the hook at work: commits made with the git CLI get ddi's message.
final class HookCommandTests: XCTestCase {
    var editor: [String: String] { GitWorkspace.identity.merging(["GIT_EDITOR": "true"]) { $1 } }

    func hookPath(_ workspace: GitWorkspace) -> String { workspace.path + "/.git/hooks/prepare-commit-msg" }

    func testInstallsAHookThatRunsThisDDIByItsAbsolutePath() throws {
        let workspace = try GitWorkspace()
        let install = try workspace.ddi(["hook", "install"])
        XCTAssertEqual(install.status, 0, install.stderr)
        XCTAssertEqual(install.stdout, "installed: \(hookPath(workspace))\n")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: hookPath(workspace)))
        let script = try String(contentsOfFile: hookPath(workspace), encoding: .utf8)
        XCTAssertTrue(script.contains("ddi='\(try CLIRunner.executable.resolvingSymlinksInPath().path)'"), script)
        let again = try workspace.ddi(["hook", "install"])
        XCTAssertEqual(again.stdout, "already installed: \(hookPath(workspace))\n")
    }

    func testAnExistingHookIsNeverOverwrittenAndForceKeepsABackup() throws {
        let workspace = try GitWorkspace()
        let mine = "#!/bin/sh\necho 'my own hook'\n"
        try FileManager.default.createDirectory(atPath: workspace.path + "/.git/hooks", withIntermediateDirectories: true)
        try Data(mine.utf8).write(to: URL(fileURLWithPath: hookPath(workspace)))
        let refused = try workspace.ddi(["hook", "install"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("already exists and is not ddi's") && refused.stderr.contains("--force"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: hookPath(workspace), encoding: .utf8), mine)
        let forced = try workspace.ddi(["hook", "install", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(forced.stderr, "moved the existing hook to \(hookPath(workspace)).ddi-backup\n")
        XCTAssertEqual(try String(contentsOfFile: hookPath(workspace) + ".ddi-backup", encoding: .utf8), mine)
        XCTAssertTrue(try String(contentsOfFile: hookPath(workspace), encoding: .utf8).contains("ddi hook install"))
    }

    func testGitCommitGetsTheGeneratedMessage() throws {
        let workspace = try GitWorkspace()
        try workspace.ddi(["hook", "install"]).assertSuccess()
        try workspace.edit("departments/sales.yaml", "reviewed: 2026-10-02\n    note: Inside sales", "reviewed: 2026-11-20\n    note: Inside sales")
        try workspace.git("add", "departments/sales.yaml")
        let dry = try workspace.ddi(["commit", "--dry-run"])
        try workspace.git("commit", "-q", environment: editor)
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%B"), dry.stdout + "\n")
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%s|%(trailers:key=Number,valueonly)"), "Review +4533121047|+4533121047\n\n")

        // git commit -a prepares a temporary index (GIT_INDEX_FILE): the hook reads that one.
        try workspace.edit("departments/sales.yaml", "reviewed: 2026-11-20\n    note: Inside sales", "reviewed: 2026-11-21\n    note: Inside sales")
        try workspace.git("commit", "-q", "-a", environment: editor)
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%s"), "Review +4533121047\n")

        // A message given with -m stays; the body and trailers follow it.
        try workspace.edit("departments/sales.yaml", "reviewed: 2026-11-21\n    note: Inside sales", "reviewed: 2026-11-22\n    note: Inside sales")
        try workspace.git("commit", "-q", "-a", "-m", "Ida's review, again", environment: GitWorkspace.identity)
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%B"), """
        Ida's review, again

        +4533121047: reviewed 2026-11-22 (was 2026-11-21)

        Number: +4533121047


        """)
    }

    func testCommitsOutsideTheInventoryAndAMissingDDIAreLeftAlone() throws {
        let workspace = try GitWorkspace()
        try workspace.ddi(["hook", "install"]).assertSuccess()
        try workspace.write("NOTES.txt", "not inventory\n")
        try workspace.git("add", "NOTES.txt")
        try workspace.git("commit", "-q", "-m", "Notes", environment: GitWorkspace.identity)
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%B"), "Notes\n\n")

        // ddi gone (moved, uninstalled): the commit goes ahead with git's message.
        let script = try String(contentsOfFile: hookPath(workspace), encoding: .utf8)
        let executable = try CLIRunner.executable.resolvingSymlinksInPath().path
        try Data(script.replacingOccurrences(of: executable, with: "/nonexistent/ddi").utf8).write(to: URL(fileURLWithPath: hookPath(workspace)))
        try workspace.edit("departments/sales.yaml", "reviewed: 2026-10-02\n    note: Inside sales", "reviewed: 2026-11-20\n    note: Inside sales")
        try workspace.git("commit", "-q", "-a", "-m", "by hand", environment: GitWorkspace.identity.merging(["PATH": "/usr/bin:/bin"]) { $1 })
        XCTAssertEqual(try workspace.git("log", "-1", "--format=%B"), "by hand\n\n")
    }
}
