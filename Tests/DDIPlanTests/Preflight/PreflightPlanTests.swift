import DDIKit
import XCTest
@testable import DDIPlan

/// Preflight on real plans: the context the checks see, the findings they add, severities from
/// ddi.yaml, and the single skip note per check.
final class PreflightPlanTests: XCTestCase {
    static let sales = DirectoryAccount(
        objectID: "id-anna", upn: "anna.jensen@contoso.com", kind: .user, enabled: true, accountType: "User", usageLocation: "DK",
        servicePlans: ["MCOEV"], enterpriseVoiceEnabled: true, voiceRoutingPolicy: nil,
        reported: [.accountEnabled, .usageLocation, .licences, .enterpriseVoiceEnabled, .voiceRoutingPolicy],
        origin: RecordOrigin(file: "users.json", record: 1))

    func testAUserWithoutTeamsPhoneIsAnErrorFindingWithCheckIDIdentityAndFix() throws {
        var account = Self.sales
        account.servicePlans = ["MCOPSTN1"]
        let result = planned(Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"), numbers: [Live.number("+4533121042")], accounts: [account])
        let finding = try XCTUnwrap(result.findings.first { $0.checkID == "PF002" })
        XCTAssertEqual(finding.kind, .preflight)
        XCTAssertEqual(finding.severity, .error)
        XCTAssertEqual(finding.number, "+4533121042")
        XCTAssertEqual(finding.identity, "anna.jensen@contoso.com")
        XCTAssertNotNil(finding.fix)
        XCTAssertEqual(finding.declaredAt?.file, "numbers.yaml")
        XCTAssertEqual(result.summary.errors, 1, "counted in the summary")
        XCTAssertEqual(result.exitCode(detailed: true), 1, "an error finding blocks apply")
    }

    func testSeverityFollowsDDIYamlRulesAndOffSilencesTheCheck() throws {
        var account = Self.sales
        account.servicePlans = ["MCOPSTN1"]
        let numbers = [Live.number("+4533121042")]
        let warned = planned(Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"), numbers: numbers, accounts: [account],
                             config: "version: 1\nrules:\n  PF002: warning\n")
        XCTAssertEqual(warned.findings.first { $0.checkID == "PF002" }?.severity, .warning)
        XCTAssertEqual(warned.summary.errors, 0)
        XCTAssertEqual(warned.summary.warnings, 1)
        let silenced = planned(Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"), numbers: numbers, accounts: [account],
                               config: "version: 1\nrules:\n  PF002: off\n")
        XCTAssertFalse(silenced.findings.contains { $0.checkID == "PF002" })
    }

    func testAnUnknownPreflightIDInDDIYamlIsStillAnError() {
        let loaded = InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\nrules:\n  PF099: warning\n  PF001: info\n"), files: [])
        XCTAssertEqual(loaded.diagnostics.count, 1, "\(loaded.diagnostics.map(\.message))")
        XCTAssertTrue(loaded.diagnostics.first?.message.contains("PF099") == true)
        XCTAssertEqual(loaded.inventory.config.ruleOverrides["PF001"]?.value, .severity(.info))
    }

    func testAnExportWithoutLicenceColumnsSaysOncePerCheckWhatWasNotChecked() {
        var account = Self.sales
        account.servicePlans = nil
        account.reported = [.accountEnabled]
        var peter = account
        peter.objectID = "id-peter"
        peter.upn = "peter.holm@contoso.com"
        let declared = Declared.assigned("+4533121042", to: "anna.jensen@contoso.com") + Declared.assigned("+4533121043", to: "peter.holm@contoso.com")
        let result = planned(declared, numbers: [Live.number("+4533121042"), Live.number("+4533121043")], accounts: [account, peter])
        XCTAssertEqual(result.actions.count, 2, "the plan still works")
        let notes = result.findings.filter { $0.checkID == "PF002" }
        XCTAssertEqual(notes.count, 1, "once per check, not per number: \(notes.map(\.message))")
        XCTAssertEqual(notes.first?.severity, .info)
        XCTAssertTrue(notes.first?.message.contains("not checked: the export lacks the accounts' licences (service plans)") == true)
        XCTAssertTrue(notes.first?.message.contains("2 numbers") == true, notes.first?.message ?? "")
        XCTAssertEqual(notes.first?.declaredAt?.file, "numbers.yaml", "the note names where its first number is declared")
        XCTAssertEqual(result.summary.errors, 0, "never guessed")
    }

    func testTheReleasedUsersLastNumberTellsThemTheyLoseEnterpriseVoice() throws {
        let declared = """
          - number: "+4533121042"
            status: quarantine
            since: 2026-11-01

        """
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-anna")
        let result = planned(declared, numbers: [live], accounts: [Self.sales])
        XCTAssertEqual(result.actions.first?.kind, .unassign)
        let finding = try XCTUnwrap(result.findings.first { $0.checkID == "PF008" })
        XCTAssertEqual(finding.severity, .info)
        XCTAssertEqual(finding.identity, "anna.jensen@contoso.com")

        let keepsOne = planned(declared, numbers: [live, Live.number("+4533121043", status: .userAssigned, target: "id-anna", category: .private)],
                               accounts: [Self.sales])
        XCTAssertFalse(keepsOne.findings.contains { $0.checkID == "PF008" }, "keeps a private line")
    }

    func testAReassignTakesTheNumberFromTheOldHolderAndChecksTheNewOne() throws {
        var peter = Self.sales
        peter.objectID = "id-peter"
        peter.upn = "peter.holm@contoso.com"
        peter.usageLocation = "SE"
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-anna")
        var located = live
        located.country = "DK"
        let result = planned(Declared.assigned("+4533121042", to: "peter.holm@contoso.com"), numbers: [located], accounts: [Self.sales, peter])
        XCTAssertEqual(result.actions.first?.kind, .reassign)
        XCTAssertTrue(result.findings.contains { $0.checkID == "PF008" && $0.identity == "anna.jensen@contoso.com" })
        let usage = try XCTUnwrap(result.findings.first { $0.checkID == "PF005" })
        XCTAssertTrue(usage.message.contains("usage location SE, which is not the number's country DK"), usage.message)
    }

    func testAPlanWithoutChangesRunsNoCheckAndAddsNothing() {
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-anna")
        let result = planned(Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"), numbers: [live], accounts: [Self.sales])
        XCTAssertTrue(result.actions.isEmpty)
        XCTAssertTrue(result.findings.isEmpty, "\(result.findings.map(\.message))")
    }

    func testCapabilityOfAConferenceNumberIsCheckedAgainstTheBridge() throws {
        var live = Live.number("+4533121050")
        live.capabilities = [.userAssignment]
        let assignment = PreflightAssignment(number: "+4533121050", numberType: .operatorConnect, target: .conferenceBridge,
                                             identity: "bridge", account: nil, live: live)
        let findings = Preflight.findings(of: CapabilityCheck(), in: PreflightContext(assignments: [assignment]))
        XCTAssertTrue(findings.first?.message.contains("do not allow the conference bridge (needs ConferenceAssignment)") == true)
    }

    private func planned(_ numbers: String, numbers live: [LiveNumber], accounts: [DirectoryAccount],
                         config: String = "version: 1\ntenant: contoso.onmicrosoft.com\n") -> Plan {
        let loaded = InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: config),
                                          files: [InventorySourceFile(path: "numbers.yaml", text: Declared.ranges + "numbers:\n" + numbers)])
        let snapshot = LiveSnapshot(numbers: live, accounts: accounts)
        return Preflight.check(plan(loaded.inventory, snapshot), snapshot: snapshot, overrides: loaded.inventory.config.ruleOverrides)
    }
}

/// The added findings land where a full sort would put them.
final class PreflightMergeTests: XCTestCase {
    func testMergedEqualsAFullSort() {
        func finding(_ number: String, _ kind: FindingKind, _ message: String, check: String? = nil) -> PlanFinding {
            PlanFinding(kind: kind, severity: .info, number: number, message: message, declaredAt: nil, live: nil, checkID: check)
        }
        let existing = [finding("+4533121000", .undeclared, "a"), finding("+4533121005", .notInTenant, "b"),
                        finding("+4533121005", .undeclared, "c"), finding("+46850551000", .undeclared, "d")]
        let added = [finding("+4533121005", .preflight, "z", check: "PF002"), finding("+4533121000", .preflight, "y", check: "PF001"),
                     finding("+4699", .preflight, "x", check: "PF009"), finding("+4533121005", .preflight, "z", check: "PF001")]
        let full = (existing + added).sorted {
            ($0.sortKey, $0.kind.rawValue, $0.checkID ?? "", $0.message) < ($1.sortKey, $1.kind.rawValue, $1.checkID ?? "", $1.message)
        }
        XCTAssertEqual(Preflight.merged(existing, added), full)
    }
}
