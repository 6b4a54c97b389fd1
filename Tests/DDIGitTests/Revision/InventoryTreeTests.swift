import DDIKit
import Foundation
import XCTest
@testable import DDIGit

/// A revision is read as the disk is: links are never followed, and `live:` outside the root is the
/// same error.
final class InventoryTreeTests: XCTestCase {
    static let secret = "SECRET-git-5c1e"

    func testLinksInARevisionAreNeverReadAsInventory() throws {
        let fixture = try GitFixture()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-outside-\(UUID().uuidString).yaml")
        try Data("\(Self.secret): x\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try fixture.write("ddi.yaml", "version: 1\n")
        try fixture.write("n.yaml", "numbers:\n  - number: \"+4533121000\"\n    status: free\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("stolen.yaml").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("copy.yaml").path, withDestinationPath: "n.yaml")
        let commit = try fixture.commit("Links")
        XCTAssertTrue(try fixture.git("ls-tree", "HEAD", "stolen.yaml").hasPrefix("120000"), "git stores the link itself")

        let repository = try GitRepository.discover(from: fixture.path)
        let reader = InventoryTreeReader(repository: repository, prefix: "")
        let listing = try reader.listing(ofTree: try reader.inventoryTree(ofCommit: try repository.commit(try repository.resolveCommit(commit))))
        XCTAssertEqual(listing.files.map(\.path), ["n.yaml"])
        let loaded = try RevisionInventory.load(reader, commit: try repository.resolveCommit(commit), label: "HEAD")
        XCTAssertFalse(loaded.diagnostics.contains { $0.message.contains(Self.secret) })
        XCTAssertEqual(loaded.inventory.numbers.count, 1)
    }

    func testLiveOutsideTheRootIsTheSameErrorAsOnDisk() throws {
        let fixture = try GitFixture()
        try fixture.write("ddi.yaml", "version: 1\nlive: ../../etc\n")
        try fixture.write("n.yaml", "numbers:\n  - number: \"+4533121000\"\n    status: free\n")
        let commit = try fixture.commit("Live outside")
        let repository = try GitRepository.discover(from: fixture.path)
        let reader = InventoryTreeReader(repository: repository, prefix: "")
        let fromGit = try RevisionInventory.load(reader, commit: try repository.resolveCommit(commit), label: "HEAD")
        let fromDisk = try InventoryLoader.load(root: fixture.path)
        XCTAssertEqual(fromGit.diagnostics, fromDisk.diagnostics)
        XCTAssertEqual(fromGit.diagnostics.map(\.location), [SourceLocation(file: "ddi.yaml", line: 2, column: 7)])
        XCTAssertTrue(fromGit.diagnostics.first?.message.contains("outside the inventory root") ?? false)
        XCTAssertNil(InventoryTreeReader.liveDirectory(in: Array("live: ../x\n".utf8)))
        XCTAssertEqual(InventoryTreeReader.liveDirectory(in: Array("live: ./live/\n".utf8)), "live")
    }
}
