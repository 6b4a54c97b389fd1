import XCTest
@testable import DDIKit

final class InventoryBoundaryTests: XCTestCase {
    static let secret = "SECRET-41b7-never-shown"
    var base: URL!
    var root: URL { base.appendingPathComponent("inventory") }
    var outside: URL { base.appendingPathComponent("outside") }

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-boundary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("live"), withIntermediateDirectories: true)
        try write("outside/secret.yaml", "\(Self.secret): x\n")
        try write("outside/live/n.json", "[]")
        try write("inventory/ddi.yaml", "version: 1\n")
        try write("inventory/n.yaml", "numbers:\n  - number: \"+4533121000\"\n    status: free\n")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: base) }

    func write(_ relative: String, _ text: String) throws {
        let url = base.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func link(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(relative).path, withDestinationPath: target)
    }

    func testALinkedFileOutsideTheRootIsSkippedWithAWarning() throws {
        try link("stolen.yaml", to: outside.appendingPathComponent("secret.yaml").path)
        let loaded = try InventoryLoader.load(root: root.path)
        XCTAssertEqual(loaded.filePaths, ["n.yaml"])
        XCTAssertFalse(loaded.diagnostics.contains { $0.message.contains(Self.secret) }, "\(loaded.diagnostics)")
        let warning = try XCTUnwrap(loaded.diagnostics.first { $0.location.file == "stolen.yaml" })
        XCTAssertEqual(warning.ruleID, "DDI001")
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("symbolic link"), warning.message)
        let sources = try InventoryLoader.readSources(root: root.path)
        XCTAssertEqual(sources.files.map(\.path), ["n.yaml"])
        XCTAssertEqual(sources.unread.map(\.location.file), ["stolen.yaml"])
    }

    func testARelativeLinkThatClimbsOutIsSkippedToo() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sites"), withIntermediateDirectories: true)
        try link("sites/x.yaml", to: "../../outside/secret.yaml")
        XCTAssertEqual(try InventoryLoader.inventoryFilePaths(root: root.path, excluding: nil), ["n.yaml"])
    }

    func testALinkedDirectoryOutsideTheRootIsSkipped() throws {
        try write("outside/more/m.yaml", "\(Self.secret): y\n")
        try link("more", to: outside.appendingPathComponent("more").path)
        let loaded = try InventoryLoader.load(root: root.path)
        XCTAssertEqual(loaded.filePaths, ["n.yaml"])
        XCTAssertEqual(loaded.diagnostics.map(\.location.file), ["more"])
        XCTAssertFalse(loaded.diagnostics.contains { $0.message.contains(Self.secret) })
    }

    func testALinkInsideTheRootIsStillRead() throws {
        try write("inventory/shared/s.yml", "numbers:\n  - number: \"+4533121001\"\n    status: free\n")
        try link("s.yaml", to: root.appendingPathComponent("shared/s.yml").path)
        let loaded = try InventoryLoader.load(root: root.path)
        XCTAssertEqual(loaded.filePaths, ["n.yaml", "s.yaml", "shared/s.yml"])
        XCTAssertFalse(loaded.diagnostics.contains { $0.message.contains("symbolic link") })
    }

    func testADdiYamlLinkedOutOfTheRootIsNotRead() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("ddi.yaml"))
        try link("ddi.yaml", to: outside.appendingPathComponent("secret.yaml").path)
        let sources = try InventoryLoader.readSources(root: root.path)
        XCTAssertEqual(sources.config.bytes, [])
        let loaded = try InventoryLoader.load(root: root.path)
        XCTAssertFalse(loaded.diagnostics.contains { $0.message.contains(Self.secret) }, "\(loaded.diagnostics)")
        XCTAssertTrue(loaded.diagnostics.contains { $0.severity == .error && $0.location.file == "ddi.yaml" && $0.message.contains("symbolic link") },
                      "\(loaded.diagnostics)")
    }

    func testLiveThatClimbsOutOfTheRootIsRefused() throws {
        try write("inventory/ddi.yaml", "version: 1\nlive: ../../..\n")
        XCTAssertThrowsError(try InventoryLoader.readSources(root: root.path)) { error in
            XCTAssertEqual(error as? InventoryLoadError, .liveOutsideRoot("../../.."))
            XCTAssertTrue("\(error)".contains("outside the inventory root"), "\(error)")
        }
        let loaded = try InventoryLoader.load(root: root.path)
        let errors = loaded.diagnostics.filter { $0.message.contains("outside the inventory root") }
        XCTAssertEqual(errors.count, 1, "\(loaded.diagnostics)")
        XCTAssertEqual(errors.first?.location, SourceLocation(file: "ddi.yaml", line: 2, column: 7))
        XCTAssertEqual(errors.first?.severity, .error)
        XCTAssertNil(loaded.inventory.config.live)
    }

    func testAnAbsoluteLiveIsRefused() throws {
        try write("inventory/ddi.yaml", "version: 1\nlive: \(outside.appendingPathComponent("live").path)\n")
        XCTAssertThrowsError(try InventoryLoader.readSources(root: root.path))
    }

    func testLiveThroughALinkOutOfTheRootIsRefused() throws {
        try write("inventory/ddi.yaml", "version: 1\nlive: live\n")
        try link("live", to: outside.appendingPathComponent("live").path)
        XCTAssertThrowsError(try InventoryLoader.readSources(root: root.path)) { error in
            XCTAssertEqual(error as? InventoryLoadError, .liveOutsideRoot("live"))
        }
        let loaded = try InventoryLoader.load(root: root.path)
        XCTAssertTrue(loaded.diagnostics.contains { $0.severity == .error && $0.location == SourceLocation(file: "ddi.yaml", line: 2, column: 7) },
                      "\(loaded.diagnostics)")
    }

    func testLiveInsideTheRootIsKept() throws {
        try write("inventory/ddi.yaml", "version: 1\nlive: exports/../live/\n")
        let sources = try InventoryLoader.readSources(root: root.path)
        XCTAssertEqual(sources.liveDirectory, "exports/../live/")
        // A live directory that does not exist yet is judged by its parent.
        try write("inventory/ddi.yaml", "version: 1\nlive: snapshots/today\n")
        XCTAssertEqual(try InventoryLoader.readSources(root: root.path).liveDirectory, "snapshots/today")
    }

    func testLexicalChecks() {
        for inside in ["live", "./live", "a/../live", "live/", ""] {
            XCTAssertTrue(InventoryBoundary.isLexicallyInside(inside), inside)
        }
        for outside in ["..", "../live", "a/../../live", "/etc", "~/live", "live/../.."] {
            XCTAssertFalse(InventoryBoundary.isLexicallyInside(outside), outside)
        }
    }
}
