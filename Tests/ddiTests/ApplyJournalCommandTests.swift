import Foundation
import XCTest

/// The apply lock and the journal's identity, end to end: the real binary against the loopback Graph server.
final class ApplyJournalCommandTests: XCTestCase {
    var server: GraphTestServer?
    var roots: [URL] = []

    override func tearDown() {
        server?.stop()
        for root in roots { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    func mutations(_ server: GraphTestServer) throws -> [String] {
        try server.log().compactMap { entry in
            guard let path = entry["path"] as? String, entry["method"] as? String == "POST",
                  let action = path.split(separator: "/").last, action.hasSuffix("Number"),
                  let body = (entry["body"] as? String).flatMap({ try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }),
                  let number = body["telephoneNumber"] as? String else { return nil }
            return "\(action) \(number)"
        }
    }

    func ddi(_ arguments: [String], _ root: URL, _ server: GraphTestServer) throws -> CLIRunner.Outcome {
        let outcome = try CLIRunner.run(arguments + ["--today", ApplyCommandTests.today], in: root, environment: server.environment)
        XCTAssertFalse(outcome.crashed, outcome.stderr)
        return outcome
    }

    /// Pulled, and planned into plan.json.
    func start(tenant: [String: Any] = ApplyCommandTests.tenant()) throws -> (GraphTestServer, URL) {
        let server = try GraphTestServer(tenant: tenant)
        self.server = server
        let root = try ApplyCommandTests.makeInventory()
        roots.append(root)
        XCTAssertEqual(try CLIRunner.run(["snapshot", "pull", "--out", "live"], in: root, environment: server.environment).status, 0)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        return (server, root)
    }

    /// Two `ddi apply --provider graph` at once each read the same journal and sent every step twice.
    func testASecondApplyFailsAtOnceWhileTheFirstRuns() throws {
        let (server, root) = try start()
        let env = server.environment
        _ = try server.control("config", body: ["action_delay": 0.3])

        let first = Process()
        first.executableURL = try CLIRunner.executable
        first.arguments = ["apply", "plan.json", "--provider", "graph", "--today", ApplyCommandTests.today]
        first.currentDirectoryURL = root
        first.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Wait until the first apply has sent a step: it is in the middle of its work.
        for _ in 0..<500 where first.isRunning {
            if try !mutations(server).isEmpty { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertTrue(first.isRunning, "the first apply finished before the second started")

        let started = Date()
        let second = try CLIRunner.run(["apply", "plan.json", "--provider", "graph", "--today", ApplyCommandTests.today], in: root, environment: env)
        XCTAssertEqual(second.status, 1, second.stdout + second.stderr)
        XCTAssertTrue(second.stderr.contains("another ddi apply is running (pid \(first.processIdentifier))"), second.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the second apply must not wait for the first")

        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        let sent = try mutations(server)
        XCTAssertEqual(sent.count, 5, "every step sent exactly once: \(sent)")
        XCTAssertEqual(Set(sent).count, 5, "no step sent twice: \(sent)")
    }

    /// The journal was named by the plan alone: the same saved plan applied again against a newer
    /// snapshot (the tenant had been changed back meanwhile) skipped every step as "done by an
    /// earlier run" and left the tenant wrong.
    func testTheSamePlanAgainstANewSnapshotDoesNotTrustTheOldJournal() throws {
        let tenant = ApplyCommandTests.tenant()
        let (server, root) = try start(tenant: tenant)
        let first = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(try mutations(server).count, 5)

        // Someone undoes the changes in the Teams admin centre; a new user is added meanwhile.
        var users = tenant["users"] as? [[String: Any]] ?? []
        users.append(["id": ApplyCommandTests.userID(15), "userPrincipalName": "user15@contoso.com", "accountEnabled": true])
        _ = try server.control("config", body: ["numbers": tenant["numbers"] ?? [], "users": users])
        XCTAssertEqual(try CLIRunner.run(["snapshot", "pull", "--out", "live"], in: root, environment: server.environment).status, 0)

        let again = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertFalse(again.stdout.contains("done by an earlier run"), again.stdout)
        XCTAssertEqual(try mutations(server).count, 10, "every step is carried out against the new snapshot")
        let journals = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(".ddi/journal").path)
        XCTAssertEqual(journals.count, 2, "one journal per plan and snapshot: \(journals)")
    }

    func testADamagedJournalLineIsReportedAndIgnored() throws {
        let (server, root) = try start()
        _ = try server.control("faults", body: [["path": "unassignNumber", "status": 500, "count": 5]])
        let failed = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(failed.status, 1)
        let directory = root.appendingPathComponent(".ddi/journal")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory.path).first)
        let journal = directory.appendingPathComponent(name)
        // A crash tore the last line.
        let handle = try FileHandle(forWritingTo: journal)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"sha256":"00","entry":{"st"#.utf8))
        handle.closeFile()

        let rerun = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stderr.contains("ddi apply: warning: journal \(name) line 3 is incomplete (an interrupted write); ignored"), rerun.stderr)
        XCTAssertTrue(rerun.stdout.contains("2 done by an earlier run"), rerun.stdout)
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 6, "2 steps, the torn line on its own, 3 steps: \(lines)")
        XCTAssertEqual(Set(try mutations(server)).count, 5)
    }
}
