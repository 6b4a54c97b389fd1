import Foundation
import XCTest

/// `ddi snapshot pull` against the loopback Graph server: where it may write, and its default.
final class SnapshotPullCommandTests: XCTestCase {
    var server: GraphTestServer?
    var roots: [URL] = []

    override func tearDown() {
        server?.stop()
        for root in roots { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    /// The inventory of ApplyCommandTests, made a git repository (a `.git` directory with files).
    func start(config: String? = nil) throws -> (GraphTestServer, URL) {
        let server = try GraphTestServer(tenant: ApplyCommandTests.tenant())
        self.server = server
        let root = try ApplyCommandTests.makeInventory()
        roots.append(root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git/refs"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: root.appendingPathComponent(".git/HEAD"))
        if let config { try Data(config.utf8).write(to: root.appendingPathComponent("ddi.yaml")) }
        return (server, root)
    }

    func pull(_ arguments: [String], in directory: URL, _ server: GraphTestServer) throws -> CLIRunner.Outcome {
        let outcome = try CLIRunner.run(["snapshot", "pull"] + arguments, in: directory, environment: server.environment)
        XCTAssertFalse(outcome.crashed, outcome.stderr)
        XCTAssertFalse((outcome.stdout + outcome.stderr).contains(GraphTestServer.clientSecret))
        return outcome
    }

    /// Every file and directory below `root` with its bytes.
    func tree(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            files[relative] = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) ?? Data("<dir>".utf8)
        }
        return files
    }

    func graphCalls(_ server: GraphTestServer) throws -> Int {
        try server.log().filter { ($0["path"] as? String)?.contains("oauth2") == false }.count
    }

    func testOutDotInAnInventoryRepositoryIsRefusedAndTheRepositoryIsIntact() throws {
        let (server, root) = try start()
        let before = tree(root)
        XCTAssertFalse(before.isEmpty)
        let outcome = try pull(["--out", "."], in: root, server)
        XCTAssertEqual(outcome.status, 1, outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("refusing to write the snapshot to ."), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("ddi.yaml: the directory is an inventory root"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("nothing was changed"), outcome.stderr)
        XCTAssertEqual(tree(root), before, "the repository must be untouched")
        XCTAssertEqual(try graphCalls(server), 0, "a refused destination is found before Graph is called")
        // From a subdirectory, `..` lands on the root too.
        let fromSites = try pull(["--out", ".."], in: root.appendingPathComponent("sites"), server)
        XCTAssertEqual(fromSites.status, 1)
        XCTAssertEqual(tree(root), before)
    }

    func testOutSitesIsRefusedAndTheSiteFilesAreIntact() throws {
        let (server, root) = try start()
        let before = tree(root)
        let outcome = try pull(["--out", "sites"], in: root, server)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("cph.yaml: an inventory file (YAML)"), outcome.stderr)
        XCTAssertEqual(tree(root), before)
        let viaParent = try pull(["--out", "live/../sites"], in: root, server)
        XCTAssertEqual(viaParent.status, 1)
        XCTAssertEqual(tree(root), before)
    }

    func testWithoutOutPullWritesTheLiveDirectoryOfTheInventory() throws {
        let (server, root) = try start()
        let fromRoot = try pull([], in: root, server)
        XCTAssertEqual(fromRoot.status, 0, fromRoot.stderr)
        XCTAssertEqual(fromRoot.stdout, "Wrote live/: 12 numbers, 14 accounts.\n")
        let live = root.appendingPathComponent("live")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: live.path).sorted(),
                       [".ddi-pull.json", "number-assignments.json", "users.json"])
        // From a subdirectory, and with -C from elsewhere: the same directory, replaced by the second pull.
        XCTAssertEqual(try pull([], in: root.appendingPathComponent("sites"), server).status, 0)
        let elsewhere = FileManager.default.temporaryDirectory
        let withC = try pull(["-C", root.path], in: elsewhere, server)
        XCTAssertEqual(withC.status, 0, withC.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: live.path).sorted(),
                       [".ddi-pull.json", "number-assignments.json", "users.json"])
        let plan = try CLIRunner.run(["plan", "--today", ApplyCommandTests.today], in: root, environment: server.environment)
        XCTAssertEqual(plan.status, 0, plan.stderr)

        // Something that is not a snapshot in live/: the next pull refuses and keeps it.
        try Data("do not delete\n".utf8).write(to: live.appendingPathComponent("notes.txt"))
        let refused = try pull([], in: root, server)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("notes.txt: neither a snapshot export"), refused.stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: live.appendingPathComponent("notes.txt").path), Data("do not delete\n".utf8))
    }

    func testWithOutGivenNoInventoryIsNeeded() throws {
        let (server, _) = try start()
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-no-inventory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        roots.append(empty)
        let outcome = try pull(["--out", "snapshots/today"], in: empty, server)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: empty.appendingPathComponent("snapshots/today/number-assignments.json").path))
        let noOut = try pull([], in: empty, server)
        XCTAssertEqual(noOut.status, 1)
        XCTAssertTrue(noOut.stderr.contains("no --out given"), noOut.stderr)
    }

    /// The path in "no --out given ..." is the user's -C: it is escaped onto the message's line, so
    /// a directory name cannot start a line of its own in a CI log.
    func testThePathInTheNoInventoryMessageIsEscaped() throws {
        let (server, _) = try start()
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-pull-\(UUID().uuidString)")
        let hostile = parent.appendingPathComponent("x\n::error file=x::Approved")
        try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
        roots.append(parent)
        let outcome = try pull(["-C", hostile.path], in: parent, server)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("no --out given"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("x\\n::error file=x::Approved"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("\n::error"), outcome.stderr)
        XCTAssertEqual(try graphCalls(server), 0)
    }

    func testALiveDirectoryOutsideTheInventoryRootIsRefused() throws {
        let (server, root) = try start(config: "version: 1\nlive: ../outside-\(UUID().uuidString)\n")
        let outcome = try pull([], in: root, server)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("is not a directory inside the inventory root"), outcome.stderr)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root.deletingLastPathComponent().path)
        XCTAssertFalse(siblings.contains { $0.hasPrefix("outside-") }, "nothing may be written outside the root")
        XCTAssertEqual(try graphCalls(server), 0)
    }

    func testASymlinkedOutIsRefused() throws {
        let (server, root) = try start()
        // live/ (inside the root, as `live:` must be) is a link to the site files.
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("live"), withDestinationURL: root.appendingPathComponent("sites"))
        let before = tree(root.appendingPathComponent("sites"))
        let outcome = try pull([], in: root, server)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("is a symbolic link"), outcome.stderr)
        XCTAssertEqual(tree(root.appendingPathComponent("sites")), before)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("ddi.yaml").path))
    }
}
