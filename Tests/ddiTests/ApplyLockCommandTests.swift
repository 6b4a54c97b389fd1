import Foundation
import XCTest

/// Two `ddi apply --provider graph` at once each read the same journal and sent every step twice.
final class ApplyLockCommandTests: XCTestCase {
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

    func testASecondApplyFailsAtOnceWhileTheFirstRuns() throws {
        let server = try GraphTestServer(tenant: ApplyCommandTests.tenant())
        self.server = server
        let root = try ApplyCommandTests.makeInventory()
        roots.append(root)
        let env = server.environment
        XCTAssertEqual(try CLIRunner.run(["snapshot", "pull", "--out", "live"], in: root, environment: env).status, 0)
        XCTAssertEqual(try CLIRunner.run(["plan", "--out", "plan.json", "--today", ApplyCommandTests.today], in: root, environment: env).status, 0)
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
}
