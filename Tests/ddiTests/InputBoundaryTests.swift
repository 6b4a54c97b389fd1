import Foundation
import XCTest

/// Inputs a pull request controls must not reach outside the inventory or blow up the run: links out
/// of the root, `live:` elsewhere on the machine, alias bombs and UTF-16 files.
final class InputBoundaryTests: XCTestCase {
    let today = ["--today", "2026-11-27"]
    static let secret = "SECRET-7f3a9c-do-not-print"

    /// `base/outside` holds a secret inventory-looking file and a snapshot; `base/inventory` is the root.
    final class Layout {
        let base: URL
        var root: URL { base.appendingPathComponent("inventory") }
        var outside: URL { base.appendingPathComponent("outside") }

        init(config: String) throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-boundary-\(UUID().uuidString)")
            let manager = FileManager.default
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
            try manager.createDirectory(at: outside.appendingPathComponent("live"), withIntermediateDirectories: true)
            try Data(config.utf8).write(to: root.appendingPathComponent("ddi.yaml"))
            try Data("\(secret): leaked\nnumbers:\n  - number: \"\(secret)\"\n    status: free\n".utf8)
                .write(to: outside.appendingPathComponent("secret.yaml"))
            let snapshot = """
            [{"TelephoneNumber": "+4533121000", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned", "Tag": ["\(secret)"]}]
            """
            try Data(snapshot.utf8).write(to: outside.appendingPathComponent("live/numbers.json"))
        }

        deinit { try? FileManager.default.removeItem(at: base) }

        func link(_ relative: String, to target: URL) throws {
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(relative).path, withDestinationPath: target.path)
        }
    }

    func testALinkToAFileOutsideTheRootIsSkippedWithAWarningAndNeverEchoed() throws {
        let layout = try Layout(config: "version: 1\n")
        try layout.link("stolen.yaml", to: layout.outside.appendingPathComponent("secret.yaml"))
        let outcome = try CLIRunner.run(["validate", "-C", layout.root.path, "--format", "github"] + today)
        XCTAssertFalse(outcome.crashed)
        XCTAssertFalse((outcome.stdout + outcome.stderr).contains(Self.secret), outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("::warning file=stolen.yaml"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("symbolic link"), outcome.stdout)
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
    }

    func testADdiYamlLinkedOutOfTheRootIsNeverEchoed() throws {
        let layout = try Layout(config: "version: 1\n")
        try FileManager.default.removeItem(at: layout.root.appendingPathComponent("ddi.yaml"))
        try layout.link("ddi.yaml", to: layout.outside.appendingPathComponent("secret.yaml"))
        for command in [["validate", "--format", "github"], ["plan", "--live", layout.outside.appendingPathComponent("live").path]] {
            let outcome = try CLIRunner.run([command[0], "-C", layout.root.path] + command.dropFirst() + today)
            XCTAssertFalse(outcome.crashed)
            XCTAssertEqual(outcome.status, 1, command[0] + ": " + outcome.stdout + outcome.stderr)
            XCTAssertFalse((outcome.stdout + outcome.stderr).contains(Self.secret), outcome.stdout + outcome.stderr)
        }
    }

    func testPlanRefusesALiveDirectoryOutsideTheRoot() throws {
        let layout = try Layout(config: "version: 1\nlive: ../outside/live\n")
        let outcome = try CLIRunner.run(["plan", "-C", layout.root.path] + today)
        XCTAssertFalse(outcome.crashed)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("outside the inventory root"), outcome.stderr)
        XCTAssertFalse((outcome.stdout + outcome.stderr).contains(Self.secret), outcome.stdout + outcome.stderr)
    }

    func testPlanRefusesALiveLinkThatLeavesTheRoot() throws {
        let layout = try Layout(config: "version: 1\nlive: live\n")
        try layout.link("live", to: layout.outside.appendingPathComponent("live"))
        let plan = try CLIRunner.run(["plan", "-C", layout.root.path] + today)
        XCTAssertNotEqual(plan.status, 0)
        XCTAssertTrue(plan.stderr.contains("outside the inventory root"), plan.stderr)
        XCTAssertFalse((plan.stdout + plan.stderr).contains(Self.secret))
        let apply = try CLIRunner.run(["apply", "-C", layout.root.path, "--provider", "powershell",
                                       "--script-out", layout.base.appendingPathComponent("apply.ps1").path, "--yes"] + today)
        XCTAssertNotEqual(apply.status, 0)
        XCTAssertTrue(apply.stderr.contains("outside the inventory root"), apply.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: layout.base.appendingPathComponent("apply.ps1").path))
        let validate = try CLIRunner.run(["validate", "-C", layout.root.path] + today)
        XCTAssertEqual(validate.status, 1)
        XCTAssertTrue(validate.stdout.contains("ddi.yaml:2:7") && validate.stdout.contains("outside the inventory root"), validate.stdout)
    }

    func testAnExplicitLiveOptionMayPointAnywhere() throws {
        let layout = try Layout(config: "version: 1\n")
        let outcome = try CLIRunner.run(["plan", "-C", layout.root.path, "--live", layout.outside.appendingPathComponent("live").path] + today)
        XCTAssertFalse(outcome.crashed)
        XCTAssertFalse(outcome.stderr.contains("outside the inventory root"), outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("ddi plan"), outcome.stdout + outcome.stderr)
    }

    func testAnAliasBombIsOneErrorAndTheRunEnds() throws {
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let root = try TemporaryInventory(files: ["ddi.yaml": "version: 1\n", "bomb.yaml": bomb])
        let outcome = try CLIRunner.run(["validate", "-C", root.path] + today)
        XCTAssertFalse(outcome.crashed)
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("[DDI001]") && outcome.stdout.contains("aliases in this file expand to more than 10000 nodes"), outcome.stdout)
    }

    func testAUTF16InventoryFileIsAnError() throws {
        let root = try TemporaryInventory(files: ["ddi.yaml": "version: 1\n"])
        let text = "numbers:\n  - number: \"+4533121000\"\n    status: free\n"
        try Data([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: root.url.appendingPathComponent("numbers.yaml"))
        let outcome = try CLIRunner.run(["validate", "-C", root.path] + today)
        XCTAssertEqual(outcome.status, 1, outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("numbers.yaml:1:1") && outcome.stdout.contains("inventory files must be UTF-8"), outcome.stdout)
    }
}
