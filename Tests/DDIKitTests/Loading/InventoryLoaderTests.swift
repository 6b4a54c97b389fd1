import XCTest
@testable import DDIKit

final class InventoryLoaderTests: XCTestCase {
    func load(_ files: [String: String], config: String = "version: 1\n") -> LoadedInventory {
        InventoryLoader.load(
            config: InventorySourceFile(path: "ddi.yaml", text: config),
            files: files.sorted { $0.key < $1.key }.map { InventorySourceFile(path: $0.key, text: $0.value) }
        )
    }

    func testUnknownKeySuggestsTheRightOne() {
        let loaded = load(["n.yaml": "numbers:\n  - number: \"+4533121000\"\n    stauts: free\n"])
        let messages = loaded.diagnostics.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("unknown key 'stauts'") && $0.contains("did you mean 'status'") }, "\(messages)")
        let unknown = loaded.diagnostics.first { $0.message.contains("stauts") }
        XCTAssertEqual(unknown?.location, SourceLocation(file: "n.yaml", line: 3, column: 5))
    }

    func testOneBadFileDoesNotStopTheOthers() {
        let loaded = load([
            "a.yaml": "numbers: [\n",
            "b.yaml": "numbers:\n  - number: \"+4533121000\"\n    status: free\n",
        ])
        XCTAssertEqual(loaded.inventory.numbers.count, 1)
        XCTAssertEqual(loaded.diagnostics.filter { $0.location.file == "a.yaml" }.count, 1)
    }

    func testWrongTypesAreReported() {
        let loaded = load(["n.yaml": "numbers:\n  - number: [1, 2]\n    status: free\n  - number: \"+4533121001\"\n    status: reserved\n    until: soon\n    reason: x\n    tags: sales\n"])
        let messages = loaded.diagnostics.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("'number' must be text") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'until' must be a date") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'tags' must be a list") }, "\(messages)")
        XCTAssertTrue(loaded.diagnostics.allSatisfy { $0.ruleID == "DDI001" })
    }

    func testModelKeepsLocations() throws {
        let loaded = load(["sites/cph.yaml": """
        ranges:
          - id: cph-hq
            block: "+4533121000..+4533121999"
            source: operator-connect
            country: DK
        numbers:
          - number: "+4533121042"
            status: assigned
            kind: user
            assigned_to: anna.jensen@contoso.com
            owner: Sales
            reviewed: 2026-10-02
        """])
        XCTAssertEqual(loaded.diagnostics, [])
        let range = try XCTUnwrap(loaded.inventory.ranges.first)
        XCTAssertEqual(range.span?.location, SourceLocation(file: "sites/cph.yaml", line: 3, column: 12))
        XCTAssertEqual(range.source?.value, .operatorConnect)
        let number = try XCTUnwrap(loaded.inventory.numbers.first)
        XCTAssertEqual(number.location, SourceLocation(file: "sites/cph.yaml", line: 7, column: 5))
        XCTAssertEqual(number.reviewed?.value, Day(iso: "2026-10-02"))
        XCTAssertEqual(number.assignedTo?.location.line, 10)
    }

    func testConfigOverridesAndPolicy() {
        let loaded = load([:], config: "version: 1\npolicy:\n  quarantine_days: 30\n  require_range: false\nrules:\n  DDI009: off\n  DDI999: error\n")
        XCTAssertEqual(loaded.inventory.config.policy.quarantineDays, 30)
        XCTAssertFalse(loaded.inventory.config.policy.requireRange)
        XCTAssertEqual(loaded.inventory.config.ruleOverrides["DDI009"]?.value, .off)
        XCTAssertTrue(loaded.diagnostics.contains { $0.message.contains("DDI999") })
    }

    func testFindsRootAndListsFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-loader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in [
            "ddi.yaml": "version: 1\nlive: live/\n",
            "sites/a.yaml": "numbers: []\n",
            "b.yml": "ranges: []\n",
            ".hidden/c.yaml": "nope: 1\n",
            ".ddi/cache/d.yaml": "nope: 1\n",
            "live/e.yaml": "nope: 1\n",
            "notes.txt": "not yaml",
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let nested = root.appendingPathComponent("sites").path
        XCTAssertEqual(try InventoryLoader.findRoot(from: nested), root.standardizedFileURL.path)
        let loaded = try InventoryLoader.load(root: root.path)
        XCTAssertEqual(loaded.filePaths, ["b.yml", "sites/a.yaml"])
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertThrowsError(try InventoryLoader.findRoot(from: "/"))
    }
}
