import Foundation
import XCTest
@testable import DDIApply

/// `snapshot pull` replaced whatever --out named, so `--out .` deleted an inventory repository.
final class PullDestinationTests: XCTestCase {
    var root = ""

    static let numbersExport = """
        [{"TelephoneNumber": "+4533121042", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned"}]
        """
    static let usersCSV = "\"Identity\",\"UserPrincipalName\"\n\"00000000-0000-4000-8000-000000000001\",\"a@contoso.com\"\n"
    static let newFiles: [String: Data] = [SnapshotPuller.numbersFile: Data(#"{"value": []}"#.utf8), SnapshotPuller.usersFile: Data("[]".utf8)]

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-pull-\(UUID().uuidString)").path
        try write("version: 1\nlive: live/\n", "ddi.yaml")
        try write("ranges: []\n", "sites/cph.yaml")
        try write("[core]\n", ".git/config")
        try write("ref: refs/heads/main\n", ".git/HEAD")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: root)
        super.tearDown()
    }

    func write(_ text: String, _ relative: String) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Every file below the root with its bytes, hidden ones included; symlinks by their target.
    func tree(_ relative: String = "") -> [String: Data] {
        var files: [String: Data] = [:]
        let directory = relative.isEmpty ? root : root + "/" + relative
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                files[path] = Data(("-> " + target).utf8)
                continue
            }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                files[path + "/"] = Data()
                files.merge(tree(path)) { $1 }
            } else {
                files[path] = FileManager.default.contents(atPath: full) ?? Data("unreadable".utf8)
            }
        }
        return files
    }

    func assertRefused(_ out: String, base: String? = nil, mentions expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let before = tree()
        XCTAssertThrowsError(try PullDestination.check(out, base: base ?? root), file: file, line: line) { error in
            let message = (error as? ApplyRefusal)?.message ?? ""
            XCTAssertTrue(message.contains(expected), message, file: file, line: line)
        }
        XCTAssertEqual(tree(), before, "a refused destination is left untouched", file: file, line: line)
    }

    func testTheInventoryRootIsRefusedAndLeftIntact() {
        assertRefused(".", mentions: "ddi.yaml: the directory is an inventory root")
        assertRefused(root, mentions: ".git: the directory is a git repository")
        assertRefused("sites/..", mentions: "inventory root")
        assertRefused("sites/../sites/..", mentions: "inventory root")
    }

    func testADirectoryOfInventoryFilesIsRefused() throws {
        assertRefused("sites", mentions: "cph.yaml: an inventory file (YAML)")
        try write("x: 1\n", "other/a.yml")
        assertRefused("other", mentions: "a.yml: an inventory file (YAML)")
        assertRefused(".git", mentions: "neither a snapshot export ddi recognises nor a file an earlier pull wrote")
    }

    func testAnyOtherFileOrASubdirectoryIsRefused() throws {
        try write(Self.numbersExport, "live/numbers.json")
        try write("remember to pull weekly\n", "live/notes.txt")
        assertRefused("live", mentions: "notes.txt: neither a snapshot export")
        try FileManager.default.removeItem(atPath: root + "/live/notes.txt")
        try write("{\"not\": \"an export\"}", "live/settings.json")
        assertRefused("live", mentions: "settings.json: neither a snapshot export")
        try FileManager.default.removeItem(atPath: root + "/live/settings.json")
        try write(Self.numbersExport, "live/old/numbers.json")
        assertRefused("live", mentions: "old: a directory")
    }

    func testSymlinksAndParentTricksAreJudgedWhereTheyLand() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/link-to-root", withDestinationPath: root)
        assertRefused("link-to-root", mentions: "is a symbolic link")
        assertRefused("link-to-root/.", mentions: "is a symbolic link")
        try write(Self.numbersExport, "live/numbers.json")
        try FileManager.default.createSymbolicLink(atPath: root + "/snap", withDestinationPath: root + "/live")
        assertRefused("snap", mentions: "is a symbolic link")
        assertRefused("link-to-root/sites", mentions: "cph.yaml")
        assertRefused("live/../sites", mentions: "cph.yaml")
        assertRefused("missing/../sites", mentions: "`..` after a directory that does not exist")
        try FileManager.default.createSymbolicLink(atPath: root + "/live/evil.json", withDestinationPath: root + "/ddi.yaml")
        assertRefused("live", mentions: "evil.json: a symbolic link")
    }

    func testAMissingDirectoryIsCreatedWithItsParents() throws {
        let destination = try PullDestination.check("live/tenant-a", base: root)
        XCTAssertFalse(destination.exists)
        XCTAssertNil(try PullWriter.replace(destination, files: Self.newFiles))
        let written = try FileManager.default.contentsOfDirectory(atPath: root + "/live/tenant-a").sorted()
        XCTAssertEqual(written, [".ddi-pull.json", "number-assignments.json", "users.json"])
        XCTAssertEqual(FileManager.default.contents(atPath: root + "/live/tenant-a/users.json"), Data("[]".utf8))
    }

    /// Graph has no routing API, so a pull cannot write routing exports: it keeps them, unchanged.
    func testRoutingExportsAreKeptByAPull() throws {
        let queues = #"[{"Identity": "0c5e8a21-7f3d-5b94-8e16-2a9d4c7b3e58", "Name": "Reception", "OverflowAction": "Forward", "TimeoutAction": "Disconnect", "ApplicationInstances": []}]"#
        try write(queues, "live/call-queues.json")
        let destination = try PullDestination.check("live", base: root)
        XCTAssertEqual(destination.kept, ["call-queues.json"])
        XCTAssertNil(try PullWriter.replace(destination, files: Self.newFiles))
        XCTAssertEqual(FileManager.default.contents(atPath: root + "/live/call-queues.json"), Data(queues.utf8))
    }

    func testExportsAndEarlierPullFilesAreReplacedAndNothingElseIsTouched() throws {
        try write(Self.numbersExport, "live/numbers.json")
        try write(Self.usersCSV, "live/users.csv")
        try write("", "live/.gitkeep")
        let destination = try PullDestination.check("live", base: root)
        XCTAssertEqual(destination.replaced, ["numbers.json", "users.csv"])
        XCTAssertEqual(destination.kept, [".gitkeep"])
        let outside = tree().filter { !$0.key.hasPrefix("live") }
        XCTAssertNil(try PullWriter.replace(destination, files: Self.newFiles))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/live").sorted(),
                       [".ddi-pull.json", ".gitkeep", "number-assignments.json", "users.json"])
        XCTAssertEqual(tree().filter { !$0.key.hasPrefix("live") }, outside, "nothing beside the snapshot changed, no staging left behind")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.contains(".pull-") || $0.contains(".old-") }, [])

        // A file that only the manifest vouches for is pull's own while its bytes match.
        let manifest = PullManifest(files: ["extra.json": Data(#"{"kept": true}"#.utf8)])
        try manifest.encoded().map { try $0.write(to: URL(fileURLWithPath: root + "/live/.ddi-pull.json")) }
        try write(#"{"kept": true}"#, "live/extra.json")
        XCTAssertEqual(try PullDestination.check("live", base: root).replaced,
                       [".ddi-pull.json", "extra.json", "number-assignments.json", "users.json"])
        try write(#"{"kept": false}"#, "live/extra.json")
        assertRefused("live", mentions: "extra.json: neither a snapshot export")
    }

    func testAFileThatAppearsDuringThePullIsKept() throws {
        try write(Self.numbersExport, "live/numbers.json")
        let destination = try PullDestination.check("live", base: root)
        try write("mine\n", "live/notes.txt")
        let leftover = try XCTUnwrap(try PullWriter.replace(destination, files: Self.newFiles))
        XCTAssertEqual(FileManager.default.contents(atPath: leftover + "/notes.txt"), Data("mine\n".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover + "/numbers.json"))
    }

    func testTheLiveDirectoryMustStayInsideTheInventoryRoot() throws {
        XCTAssertEqual(try PullDestination.configuredLive(root: root), root + "/live/")
        for (live, expected) in [("../elsewhere", "not a directory inside the inventory root"), ("/tmp/x", "is an absolute path"),
                                 (".", "not a directory inside the inventory root"), ("sites/../..", "not a directory inside the inventory root")] {
            try write("version: 1\nlive: \(live)\n", "ddi.yaml")
            XCTAssertThrowsError(try PullDestination.configuredLive(root: root), live) { error in
                XCTAssertTrue((error as? ApplyRefusal)?.message.contains(expected) == true, "\(live): \(error)")
            }
        }
        try FileManager.default.createSymbolicLink(atPath: root + "/out", withDestinationPath: FileManager.default.temporaryDirectory.path)
        try write("version: 1\nlive: out/snap\n", "ddi.yaml")
        XCTAssertThrowsError(try PullDestination.configuredLive(root: root))
        try write("version: 1\n", "ddi.yaml")
        XCTAssertThrowsError(try PullDestination.configuredLive(root: root)) { error in
            XCTAssertTrue((error as? ApplyRefusal)?.message.contains("names no snapshot directory") == true, "\(error)")
        }
    }
}
