import XCTest
@testable import DDIGit

final class RepositoryPathsTests: XCTestCase {
    func testInventoryAtTheTopHasNoPrefix() throws {
        let fixture = try GitFixture()
        XCTAssertEqual(RepositoryPaths.prefixInsideRepository(root: fixture.path), "")
    }

    func testNestedInventoryNamesItsDirectoriesWithATrailingSlash() throws {
        let fixture = try GitFixture()
        try fixture.write("teams/phone/ddi.yaml", "version: 1\n")
        XCTAssertEqual(RepositoryPaths.prefixInsideRepository(root: fixture.path + "/teams/phone"), "teams/phone/")
        XCTAssertEqual(RepositoryPaths.prefixInsideRepository(root: fixture.path + "/teams/./phone/"), "teams/phone/")
    }

    /// A worktree or submodule has a `.git` file, not a directory: it still marks the top.
    func testGitFileMarksTheTopOfAWorkTree() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("inventory"), withIntermediateDirectories: true)
        try Data("gitdir: /elsewhere\n".utf8).write(to: directory.appendingPathComponent(".git"))
        XCTAssertEqual(RepositoryPaths.prefixInsideRepository(root: directory.appendingPathComponent("inventory").path), "inventory/")
    }
}
