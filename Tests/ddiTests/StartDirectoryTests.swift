import Foundation
import XCTest
@testable import ddi

/// `-C DIR` is "as if started in DIR", as in git: before or after the subcommand, for every command
/// and every relative path argument.
final class StartDirectoryTests: XCTestCase {
    let today = ["--today", "2026-11-27"]

    func testLeadingDirectoriesAreTakenOffTheCommandLine() {
        let parsed = StartDirectory.leading(in: ["-C", "a", "-Cb", "blame", "-C", "x", "f.yaml"])
        XCTAssertEqual(parsed.directories, ["a", "b"])
        XCTAssertEqual(parsed.rest, ["blame", "-C", "x", "f.yaml"])
        XCTAssertEqual(StartDirectory.leading(in: ["-C"]).rest, ["-C"], "a -C without DIR is left to the parser")
        XCTAssertEqual(StartDirectory.shown("plan.json", through: ["work", "inv"]), "work/inv/plan.json")
        XCTAssertEqual(StartDirectory.shown("plan.json", through: ["/abs", "inv"]), "/abs/inv/plan.json")
        XCTAssertEqual(StartDirectory.shown("/tmp/p.json", through: ["inv"]), "/tmp/p.json")
    }

    func testBlameReadsItsFileFromDirBeforeOrAfterTheCommand() throws {
        let demo = URL(fileURLWithPath: try DemoRepository.path)
        let parent = demo.deletingLastPathComponent()
        for arguments in [["-C", demo.path, "blame", "departments/sales.yaml"],
                          ["-C", parent.path, "-C", demo.lastPathComponent, "blame", "departments/sales.yaml"],
                          ["blame", "-C", demo.path, "departments/sales.yaml"]] {
            let outcome = try CLIRunner.run(arguments, in: URL(fileURLWithPath: "/"))
            XCTAssertEqual(outcome.status, 0, "\(arguments): \(outcome.stderr)")
            XCTAssertTrue(outcome.stdout.contains("+4533121047"), "\(arguments)")
        }
    }

    func testPlanReadsLiveAndOutFromDir() throws {
        let root = try TemporaryInventory(files: PlanFixtures.inventory(liveStatus: "Unassigned"))
        let elsewhere = FileManager.default.temporaryDirectory
        let outcome = try CLIRunner.run(["plan", "-C", root.path, "--live", "live", "--out", "saved.json", "--detailed-exitcode"] + today, in: elsewhere)
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.url.appendingPathComponent("saved.json").path))
        let global = try CLIRunner.run(["-C", root.path, "plan", "--live", "live/numbers.json", "live/users.json"] + today, in: elsewhere)
        XCTAssertEqual(global.status, 0, global.stderr)
    }

    func testEditsWriteTheirFileRelativeToDir() throws {
        let copy = try ContosoCopy()
        let outcome = try CLIRunner.run(["-C", copy.path, "allocate", "--range", "cph-hq", "--assigned-to", "ny.medarbejder@contoso.com",
                                         "--kind", "user", "--owner", "IT Operations", "--file", "departments/it.yaml"] + today,
                                        in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(try copy.read("departments/it.yaml").contains("ny.medarbejder@contoso.com"))
    }

    func testEveryOtherCommandTakesDir() throws {
        let copy = try ContosoCopy()
        let elsewhere = FileManager.default.temporaryDirectory
        XCTAssertEqual(try CLIRunner.run(["-C", copy.path, "validate"] + today, in: elsewhere).status, 0)
        XCTAssertEqual(try CLIRunner.run(["-C", copy.path, "report", "--no-history", "-o", "report.txt"] + today, in: elsewhere).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.url.appendingPathComponent("report.txt").path))
        XCTAssertEqual(try CLIRunner.run(["explain", "-C", copy.path, "DDI003"], in: elsewhere).status, 0)
        let imported = try CLIRunner.run(["import", "-C", copy.path, "--live", "live", "--out", "imported"] + today, in: elsewhere)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy.url.appendingPathComponent("imported/ddi.yaml").path))
        // Its next step names the paths as seen from where ddi was started.
        XCTAssertTrue(imported.stdout.contains("next: ddi validate -C \(copy.path)/imported && ddi plan -C \(copy.path)/imported --live \(copy.path)/live\n"), imported.stdout)
    }

    func testSnapshotPullWritesOutRelativeToDir() throws {
        let server = try GraphTestServer(tenant: ApplyCommandTests.tenant())
        defer { server.stop() }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-pull-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: target) }
        let outcome = try CLIRunner.run(["-C", target.path, "snapshot", "pull", "--out", "snap"], in: URL(fileURLWithPath: "/"), environment: server.environment)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent("snap/number-assignments.json").path))
    }

    /// Every command, each with its required arguments: -C after the name is honoured (a missing DIR
    /// is reported before anything else is read).
    func testEveryCommandHonoursDirAfterItsName() throws {
        let commands: [[String]] = [
            ["validate"], ["explain"], ["report"], ["import", "--live", "live", "--out", "x"], ["plan"],
            ["apply", "--provider", "graph"], ["snapshot", "pull"], ["diff"], ["history", "+4533121042"],
            ["blame", "sites/x.yaml"], ["audit"], ["commit"], ["hook", "install"],
            ["allocate", "--range", "r", "--kind", "user", "--assigned-to", "a@contoso.com", "--owner", "o"],
            ["release", "+4533121042"], ["reserve", "+4533121042", "--until", "2027-01-01", "--reason", "r"],
            ["review", "+4533121042"], ["offboard", "a@contoso.com"],
        ]
        for command in commands {
            let outcome = try CLIRunner.run(command + ["-C", "/nonexistent/inv"])
            XCTAssertEqual(outcome.status, 64, "\(command): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.contains("-C /nonexistent/inv: no such directory"), "\(command): \(outcome.stderr)")
        }
    }

    func testAMissingDirSaysSo() throws {
        for arguments in [["-C", "/nonexistent/inv", "validate"], ["validate", "-C", "/nonexistent/inv"],
                          ["snapshot", "pull", "-C", "/nonexistent/inv"], ["-C", "/nonexistent/inv", "explain"]] {
            let outcome = try CLIRunner.run(arguments)
            XCTAssertEqual(outcome.status, 64, "\(arguments)")
            XCTAssertTrue(outcome.stderr.contains("-C /nonexistent/inv: no such directory"), "\(arguments): \(outcome.stderr)")
        }
    }
}
