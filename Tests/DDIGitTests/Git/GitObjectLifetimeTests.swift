import DDIKit
import XCTest
@testable import DDIGit

/// Commits, trees, blobs and blames keep their repository open: the caller may drop the repository
/// first and go on using the object (libgit2 frees an object's memory with its repository).
final class GitObjectLifetimeTests: XCTestCase {
    private func repositoryWithOneCommit() throws -> (fixture: GitFixture, head: GitOID) {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", "version: 1\n")
        try fixture.write("sites/cph.yaml", "numbers:\n  - number: \"+4533121042\"\n    status: free\n")
        let head = try XCTUnwrap(GitOID(hex: try fixture.commit("import")))
        return (fixture, head)
    }

    /// Opens a repository in a scope of its own, so the only strong reference left is the object's.
    private func withDroppedRepository<Object>(_ path: String, _ make: (GitRepository) throws -> Object) throws -> (Object, () -> Bool) {
        var repository: GitRepository? = try GitRepository.discover(from: path)
        weak var watched = repository
        let object = try make(try XCTUnwrap(repository))
        repository = nil
        return (object, { watched != nil })
    }

    func testCommitKeepsItsRepository() throws {
        let (fixture, head) = try repositoryWithOneCommit()
        let (commit, repositoryAlive) = try withDroppedRepository(fixture.path) { try $0.commit(head) }
        XCTAssertTrue(repositoryAlive(), "the commit holds the repository")
        XCTAssertEqual(commit.summary, "import")
        XCTAssertEqual(commit.oid, head)
        XCTAssertEqual(commit.author.name, "Mette Lund")
    }

    func testTreeKeepsItsRepository() throws {
        let (fixture, head) = try repositoryWithOneCommit()
        let (tree, repositoryAlive) = try withDroppedRepository(fixture.path) { try $0.tree(try $0.commit(head).treeOID) }
        XCTAssertTrue(repositoryAlive(), "the tree holds the repository")
        XCTAssertEqual(tree.entries.map(\.name), ["ddi.yaml", "sites"])
        XCTAssertEqual(try tree.entry(atPath: "sites/cph.yaml")?.kind, .blob)
    }

    func testBlobKeepsItsRepository() throws {
        let (fixture, head) = try repositoryWithOneCommit()
        let (blob, repositoryAlive) = try withDroppedRepository(fixture.path) { repository in
            let tree = try repository.tree(try repository.commit(head).treeOID)
            return try repository.blob(try XCTUnwrap(try tree.entry(atPath: "ddi.yaml")).oid)
        }
        XCTAssertTrue(repositoryAlive(), "the blob holds the repository")
        XCTAssertEqual(blob.bytes, Array("version: 1\n".utf8))
    }

    func testBlameKeepsItsRepository() throws {
        let (fixture, head) = try repositoryWithOneCommit()
        let (blame, repositoryAlive) = try withDroppedRepository(fixture.path) { try GitBlame($0, path: "sites/cph.yaml") }
        XCTAssertTrue(repositoryAlive(), "the blame holds the repository")
        XCTAssertEqual(blame.hunks.map(\.commit), [head])
        XCTAssertEqual(blame.hunks.first?.signature.name, "Mette Lund")
    }
}
