import Foundation
import XCTest

/// `ddi apply` and `ddi snapshot pull` end to end: the real binary against the loopback Graph test server.
final class ApplyCommandTests: XCTestCase {
    static let today = "2026-11-27"
    static let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"
    static let newLocation = "0a1b2c3d-0000-4000-8000-000000000001"

    static func userID(_ n: Int) -> String { String(format: "00000000-0000-4000-8000-%012d", n) }
    static func number(_ n: Int) -> String { String(format: "+45331210%02d", n) }

    /// 14 users; numbers 00..11 in the tenant. 00..07 and 09, 10 assigned (10 live assignments).
    static func tenant() -> [String: Any] {
        var users: [[String: Any]] = []
        for n in 1...14 { users.append(["id": userID(n), "userPrincipalName": "user\(n)@contoso.com", "accountEnabled": true]) }
        var numbers: [[String: Any]] = []
        for n in 0...11 {
            var record: [String: Any] = ["telephoneNumber": number(n), "numberType": "operatorConnect", "assignmentStatus": "unassigned",
                                         "activationState": "activated", "isoCountryCode": "DK", "locationId": location]
            let holder: Int? = n <= 7 ? n + 1 : (n == 9 ? 10 : (n == 10 ? 12 : nil))
            if let holder {
                record["assignmentStatus"] = "userAssigned"
                record["assignmentTargetId"] = userID(holder)
                record["assignmentCategory"] = "primary"
            }
            numbers.append(record)
        }
        return ["users": users, "numbers": numbers, "page_size": 5, "operation_polls": 2]
    }

    /// The declared state: 08 assign to user9, 09 reassign to user11, 10 unassign (free), 07 new location.
    static func makeInventory(maxUnassign: Int = 10, extra: String = "") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sites"), withIntermediateDirectories: true)
        try """
        version: 1
        tenant: contoso.onmicrosoft.com
        live: live/
        safety:
          max_unassign_percent: \(maxUnassign)
          max_reassign_percent: 20
          min_existing: 10

        """.write(to: root.appendingPathComponent("ddi.yaml"), atomically: true, encoding: .utf8)
        var yaml = """
        ranges:
          - id: cph
            block: "+4533121000..+4533121099"
            source: operator-connect
            country: DK
            location_id: \(location)
        numbers:

        """
        func assigned(_ n: Int, _ user: Int, location: String? = nil) -> String {
            """
              - number: "\(number(n))"
                status: assigned
                kind: user
                assigned_to: user\(user)@contoso.com
                owner: user\(user)@contoso.com
                reviewed: 2026-10-01

            """ + (location.map { "    location_id: \($0)\n" } ?? "")
        }
        for n in 0...6 { yaml += assigned(n, n + 1) }
        yaml += assigned(7, 8, location: newLocation)
        yaml += assigned(8, 9)
        yaml += assigned(9, 11)
        yaml += """
          - number: "\(number(10))"
            status: free
          - number: "\(number(11))"
            status: free

        """
        yaml += extra
        try yaml.write(to: root.appendingPathComponent("sites/cph.yaml"), atomically: true, encoding: .utf8)
        return root
    }

    var server: GraphTestServer?
    var roots: [URL] = []

    override func tearDown() {
        server?.stop()
        for root in roots { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    func start() throws -> (GraphTestServer, URL) {
        let server = try GraphTestServer(tenant: Self.tenant())
        self.server = server
        let root = try Self.makeInventory()
        roots.append(root)
        return (server, root)
    }

    func ddi(_ arguments: [String], _ root: URL, _ server: GraphTestServer, env: [String: String] = [:]) throws -> CLIRunner.Outcome {
        let outcome = try CLIRunner.run(arguments + ["--today", Self.today], in: root, environment: server.environment.merging(env) { $1 })
        XCTAssertFalse(outcome.crashed, outcome.stderr)
        for text in [outcome.stdout, outcome.stderr] {
            XCTAssertFalse(text.contains(GraphTestServer.clientSecret), "the client secret leaked: \(text)")
            XCTAssertFalse(text.contains("tok-"), "a bearer token leaked: \(text)")
        }
        return outcome
    }

    func pull(_ root: URL, _ server: GraphTestServer) throws {
        let outcome = try CLIRunner.run(["snapshot", "pull", "--out", "live"], in: root, environment: server.environment)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(outcome.stdout.contains(GraphTestServer.clientSecret) || outcome.stderr.contains(GraphTestServer.clientSecret))
    }

    func mutations(_ server: GraphTestServer) throws -> [String] {
        try server.log().compactMap { entry in
            guard let path = entry["path"] as? String, entry["method"] as? String == "POST", entry["fault"] == nil,
                  let action = path.split(separator: "/").last, action.hasSuffix("Number"),
                  let body = (entry["body"] as? String).flatMap({ try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }),
                  let number = body["telephoneNumber"] as? String else { return nil }
            return "\(action) \(number)"
        }
    }

    func assertSecretNotInFiles(_ root: URL) throws {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains(GraphTestServer.clientSecret), "secret in \(url.path)")
            XCTAssertFalse(text.contains("tok-"), "token in \(url.path)")
        }
    }

    // MARK: end to end

    func testPullPlanSaveApplyPullPlansNoChanges() throws {
        let (server, root) = try start()
        try pull(root, server)
        // Paging: 12 numbers in pages of 5 and 14 users in pages of 5.
        let pages = try server.log().filter { ($0["path"] as? String)?.hasSuffix("numberAssignments") == true && ($0["method"] as? String) == "GET" }
        XCTAssertEqual(pages.count, 3)

        let plan = try ddi(["plan", "--out", "plan.json"], root, server)
        XCTAssertEqual(plan.status, 0, plan.stderr)
        for marker in ["+ assign", "± reassign", "- unassign", "~ update"] { XCTAssertTrue(plan.stdout.contains(marker), plan.stdout) }

        // One 429 and two 503s on the way: waited out and retried.
        _ = try server.control("faults", body: [["path": "assignNumber", "status": 429, "count": 1, "retry_after": 1],
                                                ["path": "unassignNumber", "status": 503, "count": 2]])
        let apply = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(apply.status, 0, apply.stdout + apply.stderr)
        XCTAssertTrue(apply.stdout.contains("Applied: 5 steps applied"), apply.stdout)
        XCTAssertTrue(apply.stderr.contains("[5/5] done"), apply.stderr)
        XCTAssertEqual(try mutations(server).sorted(), ["assignNumber \(Self.number(8))", "assignNumber \(Self.number(9))",
                                                        "unassignNumber \(Self.number(10))", "unassignNumber \(Self.number(9))",
                                                        "updateNumber \(Self.number(7))"].sorted())

        try pull(root, server)
        let after = try ddi(["plan", "--detailed-exitcode"], root, server)
        XCTAssertEqual(after.status, 0, after.stdout + after.stderr)
        XCTAssertTrue(after.stdout.contains("No changes."), after.stdout)

        // The same apply again: everything is in the journal, nothing is sent.
        let before = try mutations(server).count
        let again = try ddi(["apply", "plan.json", "--provider", "graph", "--live", "live"], root, server)
        XCTAssertNotEqual(again.status, 0, "the saved plan is stale once the new snapshot is given")
        XCTAssertTrue(again.stderr.contains("stale"), again.stderr)
        XCTAssertEqual(try mutations(server).count, before)
        try assertSecretNotInFiles(root)
    }

    // MARK: saved-plan checks

    func testStalePlanIsRefused() throws {
        let (server, root) = try start()
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        // Someone changes the declaration after the plan was saved.
        let file = root.appendingPathComponent("sites/cph.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "assigned_to: user9@contoso.com", with: "assigned_to: user13@contoso.com")
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("is stale"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("\(Self.number(8)): the saved plan does assign user9@contoso.com; planning now gives assign user13@contoso.com"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("the declared state changed"), outcome.stderr)
        XCTAssertEqual(try mutations(server), [])
    }

    func testEditedPlanFailsItsChecksum() throws {
        let (server, root) = try start()
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        let file = root.appendingPathComponent("plan.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains("\"checksum\" : \"sha256:"))
        try text.replacingOccurrences(of: Self.userID(9), with: Self.userID(14)).write(to: file, atomically: true, encoding: .utf8)
        let outcome = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("was modified after it was saved"), outcome.stderr)
        XCTAssertEqual(try mutations(server), [])

        // A plan printed with --format json has no checksum: not a saved plan.
        let printed = try ddi(["plan", "--format", "json"], root, server)
        try printed.stdout.write(to: file, atomically: true, encoding: .utf8)
        let unsaved = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(unsaved.status, 1)
        XCTAssertTrue(unsaved.stderr.contains("has no checksum"), unsaved.stderr)
    }

    func testSafetyThresholdRefusesUnlessForced() throws {
        let server = try GraphTestServer(tenant: Self.tenant())
        self.server = server
        let root = try Self.makeInventory(maxUnassign: 5)
        roots.append(root)
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        let refused = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("the plan would unassign 1 of 10 live assignments (10%), above safety.max_unassign_percent = 5%"), refused.stderr)
        XCTAssertEqual(try mutations(server), [])
        let forced = try ddi(["apply", "plan.json", "--provider", "graph", "--force"], root, server)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("--force given"), forced.stderr)
    }

    func testWithoutPlanFileNeedsYesWithoutTerminal() throws {
        let (server, root) = try start()
        try pull(root, server)
        let refused = try ddi(["apply", "--provider", "graph"], root, server)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("pass --yes"), refused.stderr)
        XCTAssertEqual(try mutations(server), [])
        let applied = try ddi(["apply", "--provider", "graph", "--yes"], root, server)
        XCTAssertEqual(applied.status, 0, applied.stderr)
        let nothing = try ddi(["apply", "--provider", "graph", "--yes", "--live", "live"], root, server)
        XCTAssertEqual(nothing.status, 0, nothing.stderr)
        try pull(root, server)
        let done = try ddi(["apply", "--provider", "graph", "--yes"], root, server)
        XCTAssertTrue(done.stdout.contains("No changes. Nothing to apply."), done.stdout)
    }

    /// The help names the journal and the lock as they are: one journal per plan and snapshot, one
    /// apply at a time.
    func testHelpNamesTheJournalPerPlanAndSnapshotAndTheLock() throws {
        let help = try CLIRunner.run(["apply", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(text.contains(".ddi/journal/<plan hex>-<snapshot hex>.jsonl"), text)
        XCTAssertTrue(text.contains(".ddi/apply.lock"), text)
        XCTAssertFalse(text.contains("<plan checksum>"), text)
    }

    func testUsage() throws {
        let (server, root) = try start()
        XCTAssertEqual(try ddi(["apply", "--provider", "powershell"], root, server).status, 64)
        XCTAssertEqual(try ddi(["apply"], root, server).status, 64)
        XCTAssertEqual(try ddi(["apply", "--provider", "ftp"], root, server).status, 64)
    }

    // MARK: failures and secrets

    func testWrongSecretIsReportedWithoutLeakingIt() throws {
        let (server, root) = try start()
        var env = server.environment
        env["DDI_GRAPH_CLIENT_SECRET"] = GraphTestServer.clientSecret + "-wrong"
        let outcome = try CLIRunner.run(["snapshot", "pull", "--out", "live"], in: root, environment: env)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("the token request was refused (HTTP 401)"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("[redacted]"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("s3cr3t"), outcome.stderr)
        let missing = try CLIRunner.run(["snapshot", "pull", "--out", "live"], in: root, environment: ["DDI_GRAPH_CLIENT_SECRET": ""])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("DDI_GRAPH_CLIENT_SECRET"), missing.stderr)
    }

    func testHardFailureStopsAndReportsWhatWasDone() throws {
        let (server, root) = try start()
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        // The 3rd step (unassign +4533121009) keeps failing: 5 attempts, then a hard failure.
        _ = try server.control("faults", body: [["path": "unassignNumber", "status": 500, "count": 5]])
        let outcome = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("stopped at the first failure: unassign \(Self.number(9))"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("failed with HTTP 500 5 times"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("2 steps applied"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("Run the same command again to resume (journal: "), outcome.stderr)
        XCTAssertEqual(try mutations(server).count, 2)
        // The rerun resumes after the two finished steps.
        let rerun = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stdout.contains("3 steps applied, 0 already in place, 2 done by an earlier run"), rerun.stdout)
        XCTAssertEqual(Set(try mutations(server)).count, 5)
    }

    // MARK: crash and resume

    func testSIGKILLMidApplyThenRerunCompletesWithNoStepTwice() throws {
        let (server, root) = try start()
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        _ = try server.control("config", body: ["action_delay": 0.4])

        let process = Process()
        process.executableURL = try CLIRunner.executable
        process.arguments = ["apply", "plan.json", "--provider", "graph", "--today", Self.today]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(server.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let journalDirectory = root.appendingPathComponent(".ddi/journal")
        var linesAtKill = 0
        for _ in 0..<400 where process.isRunning {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: journalDirectory.path)) ?? []
            if let file = files.first, let data = FileManager.default.contents(atPath: journalDirectory.appendingPathComponent(file).path) {
                linesAtKill = data.split(separator: UInt8(ascii: "\n")).count
                if linesAtKill >= 2 { break }
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        XCTAssertTrue(process.isRunning, "the apply finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        // A call already sent still completes in the tenant (the server finishes it after the kill).
        Thread.sleep(forTimeInterval: 0.8)
        let sentBeforeKill = try mutations(server)
        XCTAssertLessThan(sentBeforeKill.count, 5, "the kill came in the middle of the apply")
        XCTAssertGreaterThanOrEqual(sentBeforeKill.count, 2)

        _ = try server.control("config", body: ["action_delay": 0.0])
        let rerun = try ddi(["apply", "plan.json", "--provider", "graph"], root, server)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertTrue(rerun.stdout.contains("done by an earlier run"), rerun.stdout)
        let all = try mutations(server)
        XCTAssertEqual(all.count, 5, "every step sent exactly once: \(all)")
        XCTAssertEqual(Set(all).count, 5, "no step sent twice: \(all)")

        try pull(root, server)
        let after = try ddi(["plan", "--detailed-exitcode"], root, server)
        XCTAssertEqual(after.status, 0, after.stdout + after.stderr)
        try assertSecretNotInFiles(root)
    }

    // MARK: PowerShell provider

    func testPowerShellScriptFromSavedPlan() throws {
        let (server, root) = try start()
        try pull(root, server)
        XCTAssertEqual(try ddi(["plan", "--out", "plan.json"], root, server).status, 0)
        let outcome = try ddi(["apply", "plan.json", "--provider", "powershell", "--script-out", "apply.ps1"], root, server)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let script = try String(contentsOf: root.appendingPathComponent("apply.ps1"), encoding: .utf8)
        XCTAssertTrue(script.contains("$ErrorActionPreference = 'Stop'"))
        XCTAssertTrue(script.contains("\n#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '"), script)
        XCTAssertTrue(script.contains("@('Set-CsPhoneNumberAssignment', 'TelephoneNumber')"), "the parameters are checked before the first step")
        XCTAssertTrue(script.contains("Set-CsPhoneNumberAssignment -Identity '\(Self.userID(9))' -TelephoneNumber '\(Self.number(8))' -NumberType 'OperatorConnect'"), script)
        XCTAssertTrue(script.contains("Remove-CsPhoneNumberAssignment -Identity '\(Self.userID(12))' -TelephoneNumber '\(Self.number(10))'"), script)
        XCTAssertEqual(script.components(separatedBy: "Get-CsPhoneNumberAssignment -TelephoneNumber").count - 1, 5)
        XCTAssertEqual(try mutations(server), [])
    }
}
