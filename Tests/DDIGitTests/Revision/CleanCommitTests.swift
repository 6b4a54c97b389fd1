import DDIKit
import XCTest
@testable import DDIGit

final class CleanCommitTests: XCTestCase {
    private let config = "version: 1\n"
    private let site = "numbers:\n  - number: \"+4533121042\"\n    status: free\n"

    private func sources(_ fixture: GitFixture, root: String = "") throws -> (config: InventorySourceFile, files: [InventorySourceFile]) {
        let read = try InventoryLoader.readSources(root: fixture.path + (root.isEmpty ? "" : "/" + root))
        return (read.config, read.files)
    }

    func testBlobIDIsGitHashObject() {
        // printf 'version: 1\n' | git hash-object --stdin
        XCTAssertEqual(GitOID.blob(hashing: Array("version: 1\n".utf8))?.hex, "b82551848c644f63b8517a7bdf8be9a992e6f4da")
        XCTAssertEqual(GitOID.blob(hashing: [])?.hex, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    }

    func testFilesExactlyAsCommittedNameHead() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", config)
        try fixture.write("sites/cph.yaml", site)
        let head = try fixture.commit("import")
        let read = try sources(fixture)
        XCTAssertEqual(CleanCommit.find(root: fixture.path, config: read.config, files: read.files), head)
    }

    func testNestedInventoryIsComparedWithItsOwnDirectory() throws {
        let fixture = try GitFixture()
        try fixture.write("README.md", "other files\n")
        try fixture.write("phone/ddi.yaml", config)
        try fixture.write("phone/sites/cph.yaml", site)
        let head = try fixture.commit("import")
        try fixture.write("README.md", "edited outside the inventory\n")
        let read = try sources(fixture, root: "phone")
        XCTAssertEqual(CleanCommit.find(root: fixture.path + "/phone", config: read.config, files: read.files), head)
    }

    func testEditedAddedOrRemovedFileGivesNoCommit() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", config)
        try fixture.write("sites/cph.yaml", site)
        try fixture.commit("import")

        try fixture.write("sites/cph.yaml", site + "  - number: \"+4533121043\"\n    status: free\n")
        var read = try sources(fixture)
        XCTAssertNil(CleanCommit.find(root: fixture.path, config: read.config, files: read.files), "edited")

        try fixture.write("sites/cph.yaml", site)
        try fixture.write("sites/aar.yaml", "numbers: []\n")
        read = try sources(fixture)
        XCTAssertNil(CleanCommit.find(root: fixture.path, config: read.config, files: read.files), "added")

        try fixture.remove("sites/aar.yaml")
        try fixture.remove("sites/cph.yaml")
        read = try sources(fixture)
        XCTAssertNil(CleanCommit.find(root: fixture.path, config: read.config, files: read.files), "removed")

        try fixture.write("sites/cph.yaml", site)
        try fixture.write("ddi.yaml", config + "tenant: contoso\n")
        read = try sources(fixture)
        XCTAssertNil(CleanCommit.find(root: fixture.path, config: read.config, files: read.files), "ddi.yaml edited")
    }

    func testNoRepositoryOrNoCommitGivesNoCommit() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", config)
        let read = try sources(fixture)
        XCTAssertNil(CleanCommit.find(root: fixture.path, config: read.config, files: read.files), "no commit yet")
        try FileManager.default.removeItem(atPath: fixture.path + "/.git")
        XCTAssertNil(CleanCommit.find(root: fixture.path, config: read.config, files: read.files), "no repository")
    }
}
