import DDIKit
import DDIPlan
import Foundation
import XCTest
@testable import DDIApply

/// `ApplyRun.carryOut`, the one call `ddi apply` makes: steps from the model, checked for the
/// provider before any runs, then carried out by whichever provider the registry (or a test) gives.
final class ApplyRunTests: XCTestCase {
    static let checksum = "sha256:" + String(repeating: "d", count: 64)
    var directory = ""

    override func setUp() {
        super.setUp()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-applyrun-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
        super.tearDown()
    }

    func context(output: String? = nil, environment: [String: String] = [:], progress: @escaping (String) -> Void = { _ in }) -> ApplyContext {
        ApplyContext(root: directory, checksum: Self.checksum, live: [], output: output, environment: environment, progress: progress)
    }

    static let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", tags: ["vip"])])

    // MARK: a minimal provider of each kind, written in the test (the README's worked example)

    /// Writes one line per step.
    struct ListProvider: ScriptProvider {
        static let name = "list"
        static let summary = "write the steps as a list"
        static let nextStep = "Read it."
        init(context: ApplyContext) {}
        func script(for steps: [ApplyStep], checksum: String) throws(ApplyRefusal) -> String {
            steps.map { TextEscaping.terminal($0.summary) + "\n" }.joined()
        }
    }

    /// Carries every step out, except that a number named in FAIL fails and one in DONE is in place.
    struct EchoProvider: OnlineProvider {
        static let name = "echo"
        static let summary = "pretend to call a tenant"
        let environment: [String: String]
        init(context: ApplyContext) { environment = context.environment }
        func describe(_ error: any Error) -> String { "echo failed" }
        func carryOut(_ step: ApplyStep) throws -> StepOutcome {
            if environment["FAIL"] == step.number { throw ApplyRefusal("\(step.number): the echo tenant said no") }
            return environment["DONE"] == step.number ? .alreadyDone : .done
        }
    }

    func testAScriptProviderWritesItsFileAndSaysHowToRunIt() throws {
        let path = (directory as NSString).appendingPathComponent("steps.txt")
        let report = try ApplyRun.carryOut(Self.plan, with: ListProvider.self, context: context(output: path))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "assign +4533121042 to anna@contoso.com\ntag +4533121042 with vip\n")
        XCTAssertEqual(report.summary, "Wrote \(path): 2 steps for 1 change. Read it.")
        XCTAssertEqual(report.results, [], "a script has carried nothing out yet")
    }

    func testAnOnlineProviderReportsEachStepAndTheCommandsSummary() throws {
        var progress = ""
        let report = try ApplyRun.carryOut(Self.plan, with: EchoProvider.self,
                                           context: context(environment: ["DONE": "+4533121042"]) { progress += $0 })
        XCTAssertEqual(report.results.map(\.outcome), [.alreadyDone, .alreadyDone])
        XCTAssertEqual(report.summary, "Applied: 0 steps applied, 2 already in place of 2.")
        XCTAssertEqual(progress, "[1/2] already-done: assign +4533121042 to anna@contoso.com\n[2/2] already-done: tag +4533121042 with vip\n")
        let journals = try FileManager.default.contentsOfDirectory(atPath: (directory as NSString).appendingPathComponent(".ddi/journal"))
        XCTAssertEqual(journals.count, 1, "one journal per plan and snapshot under the inventory root")
    }

    func testAFailedStepStopsTheApplyWithWhereAndHowToResume() throws {
        XCTAssertThrowsError(try ApplyRun.carryOut(Self.plan, with: EchoProvider.self, context: context(environment: ["FAIL": "+4533121042"]))) { error in
            let message = (error as? ApplyRefusal)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("stopped at the first failure: assign +4533121042 to anna@contoso.com: +4533121042: the echo tenant said no\n"
                + "0 steps applied, 0 already in place; 2 of 2 steps not done. Run the same command again to resume (journal: "), message)
            XCTAssertTrue(message.hasSuffix(String(repeating: "d", count: 64) + "-" + String((ApplyJournal.liveDigest(of: []).dropFirst(7))) + ".jsonl)."), message)
        }
    }

    func testPowerShellFromTheRegistryWritesTheScript() throws {
        let provider = try XCTUnwrap(ApplyProviders.named("powershell"))
        let path = (directory as NSString).appendingPathComponent("apply.ps1")
        let report = try ApplyRun.carryOut(Self.plan, with: provider, context: context(output: path))
        XCTAssertEqual(report.summary, "Wrote \(path): 2 steps for 1 change. Run it in a session with Connect-MicrosoftTeams.")
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(written, Data(try PowerShellScriptWriter.script(for: Self.plan, checksum: Self.checksum).utf8), "byte for byte, the mark included")
    }

    /// A value of the wrong shape is refused before the provider is even set up: nothing is written.
    func testAStepTheProviderCannotCarryOutIsRefusedBeforeAnythingIsWritten() throws {
        let plan = PlanFixtures.plan([PlanFixtures.action(.assign, "+4533121042", tags: ["vip'; Remove-Item"])])
        let path = (directory as NSString).appendingPathComponent("apply.ps1")
        XCTAssertThrowsError(try ApplyRun.carryOut(plan, with: PowerShellProvider.self, context: context(output: path)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    /// A shared-calling number is held by a policy, never an identity: refused for every provider,
    /// before the script is written or a journal opened.
    func testAPolicyTargetIsRefusedBeforeAnythingIsWrittenOrSent() throws {
        let policy = AssignmentState(status: "policy-assigned", objectID: "TeamsSharedCallingRoutingPolicy|Tag:SC1")
        let plan = PlanFixtures.plan([PlanFixtures.action(.reassign, "+4533121042", before: policy)])
        let path = (directory as NSString).appendingPathComponent("apply.ps1")
        for provider in ApplyProviders.all {
            XCTAssertThrowsError(try ApplyRun.carryOut(plan, with: provider, context: context(output: path)), provider.name) { error in
                XCTAssertTrue((error as? ApplyRefusal)?.message.contains("policy (shared calling)") == true, "\(error)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(".ddi/journal")))
    }

    func testAScriptProviderWithoutAnOutputFileIsRefused() {
        XCTAssertThrowsError(try ApplyRun.carryOut(Self.plan, with: PowerShellProvider.self, context: context())) { error in
            XCTAssertEqual((error as? ApplyRefusal)?.message, "--provider powershell needs a file to write its script to")
        }
    }

    /// Graph without credentials is refused before a journal is opened or anything is sent.
    func testGraphWithoutCredentialsIsRefusedBeforeTheJournalOpens() {
        XCTAssertThrowsError(try ApplyRun.carryOut(Self.plan, with: GraphProvider.self, context: context())) { error in
            XCTAssertTrue((error as? ApplyRefusal)?.message.contains("DDI_GRAPH_TENANT_ID") == true, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(".ddi/journal")))
    }
}
