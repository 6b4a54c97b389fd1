import DDIKit
import Foundation
import XCTest
@testable import DDIEdit

enum EditFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")
    static let today = Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0)

    /// A workspace from texts; `ddi.yaml` defaults to `version: 1`.
    static func workspace(_ files: [String: String], config: String = "version: 1\n", today: Day = today) -> EditWorkspace {
        EditWorkspace(
            config: InventorySourceFile(path: "ddi.yaml", text: config),
            files: files.keys.sorted().map { InventorySourceFile(path: $0, text: files[$0] ?? "") },
            today: today
        )
    }

    /// The contoso example as a workspace.
    static func contoso(today: Day = today) throws -> EditWorkspace {
        try EditRunner.readWorkspace(root: repositoryRoot.appendingPathComponent("examples/contoso").path, today: today)
    }

    /// The text of a changed file after the edit.
    static func text(_ result: EditResult, _ path: String) -> String? {
        result.changes.first { $0.path == path }.map { String(decoding: $0.after, as: UTF8.self) }
    }

    /// All diffs of a result.
    static func diff(_ result: EditResult) -> String {
        result.changes.sorted { $0.path < $1.path }.map { UnifiedDiff.render(path: $0.path, before: $0.before, after: $0.after) }.joined()
    }

    /// Compares with `Golden/NAME`; `DDI_UPDATE_GOLDEN=1` rewrites it.
    static func assertGolden(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DDI_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(decoding: Data(contentsOf: url), as: UTF8.self)
        XCTAssertEqual(actual, expected, "differs from Golden/\(name) (DDI_UPDATE_GOLDEN=1 accepts)", file: file, line: line)
    }
}
