import DDIKit
import XCTest
@testable import DDIPlan

/// One test per row of the table in README "What the plan does", plus the rules around it.
final class PlannerTests: XCTestCase {
    let location = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30"

    // declared assigned to T | unassigned -> assign
    func testAssignedButUnassignedLiveIsAssign() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com", extra: "    tags: [sales]"))
        let result = plan(inventory, Live.snapshot([Live.number("+4533121042")]))
        let action = try XCTUnwrap(result.actions.first)
        XCTAssertEqual(result.actions.count, 1)
        XCTAssertEqual(action.kind, .assign)
        XCTAssertEqual(action.target, PlanTarget(upn: "anna.jensen@contoso.com", objectID: "id-anna"))
        XCTAssertEqual(action.numberType, .operatorConnect, "from the range's source")
        XCTAssertEqual(action.locationID, location, "the range's location")
        XCTAssertEqual(action.tags, ["sales"])
        XCTAssertEqual(action.category, .primary)
        XCTAssertEqual(action.declaredAt.file, "numbers.yaml")
        XCTAssertEqual(action.declaredAt.line, 16)
        XCTAssertEqual(action.rangeID, "cph-hq")
        XCTAssertEqual(action.before?.status, "unassigned")
        XCTAssertEqual(action.after.status, "user-assigned")
        XCTAssertTrue(result.findings.isEmpty, "\(result.findings)")
        XCTAssertEqual(result.exitCode(detailed: true), 2)
        XCTAssertEqual(result.exitCode(detailed: false), 0)
    }

    // declared assigned to T | absent, Direct Routing -> assign
    func testAssignedDirectRoutingAbsentIsAssign() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4538401100;ext=21", to: "anna.jensen@contoso.com"))
        let result = plan(inventory, Live.snapshot([]))
        let action = try XCTUnwrap(result.actions.first)
        XCTAssertEqual(action.kind, .assign)
        XCTAssertEqual(action.number, "+4538401100;ext=21")
        XCTAssertEqual(action.numberType, .directRouting)
        XCTAssertNil(action.before, "not in the tenant")
        XCTAssertNil(action.locationID, "cph-dr declares no location")
        XCTAssertTrue(result.findings.isEmpty)
    }

    // declared assigned to T | assigned to T, other location / tags / category -> update
    func testSameHolderOtherAttributesIsUpdate() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com", extra: "    tags: [sales]\n    category: private"))
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-anna", category: .primary, location: "other", tags: ["old"])
        let result = plan(inventory, Live.snapshot([live]))
        let action = try XCTUnwrap(result.actions.first)
        XCTAssertEqual(action.kind, .update)
        XCTAssertEqual(action.changes, [.category, .locationID, .tags])
        XCTAssertEqual(action.before?.tags, ["old"])
        XCTAssertEqual(action.after.tags, ["sales"])
        XCTAssertEqual(action.after.locationID, location)
        XCTAssertEqual(action.after.category, .private)
    }

    func testMatchingAssignmentHasNoAction() {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "ANNA.JENSEN@contoso.com", extra: "    tags: [b, a]"))
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-anna", tags: ["a", "b"])
        let result = plan(inventory, Live.snapshot([live]))
        XCTAssertTrue(result.actions.isEmpty, "\(result.actions)")
        XCTAssertTrue(result.findings.isEmpty)
        XCTAssertEqual(result.exitCode(detailed: true), 0)
    }

    func testWhatTheSnapshotDoesNotSayIsNotCompared() {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com", extra: "    tags: [sales]"))
        var live = Live.number("+4533121042", status: .userAssigned, target: "id-anna", tags: nil)
        live.category = nil
        XCTAssertTrue(plan(inventory, Live.snapshot([live])).actions.isEmpty)
    }

    // declared assigned to T | assigned to U != T -> reassign
    func testOtherHolderIsReassign() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"))
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-peter")
        let action = try XCTUnwrap(plan(inventory, Live.snapshot([live])).actions.first)
        XCTAssertEqual(action.kind, .reassign)
        XCTAssertEqual(action.before?.assignedTo, "peter.holm@contoso.com")
        XCTAssertEqual(action.target.upn, "anna.jensen@contoso.com")
        XCTAssertEqual(action.changes.first, .assignedTo)
    }

    // declared free / reserved / quarantine / retired | assigned to U -> unassign
    func testNonAssignedStatusesUnassign() throws {
        for status in ["free", "reserved\n    until: 2027-01-01\n    reason: r", "quarantine\n    since: 2026-11-01", "retired"] {
            let inventory = Declared.inventory("numbers:\n  - number: \"+4533121042\"\n    status: \(status)\n")
            let live = Live.number("+4533121042", status: .userAssigned, target: "id-bo")
            let result = plan(inventory, Live.snapshot([live]))
            let action = try XCTUnwrap(result.actions.first, status)
            XCTAssertEqual(action.kind, .unassign)
            XCTAssertEqual(action.target.upn, "bo.nielsen@contoso.com")
            XCTAssertEqual(action.after.status, "unassigned")
            XCTAssertTrue(result.findings.isEmpty, "no disabled-account finding for a number being released")
        }
        let block = Declared.inventory("numbers:\n  - block: +4533121100..+4533121149\n    status: reserved\n    until: 2027-01-01\n    reason: r\n")
        let inBlock = Live.number("+4533121120", status: .userAssigned, target: "id-peter")
        XCTAssertEqual(plan(block, Live.snapshot([inBlock])).actions.map(\.kind), [.unassign])
    }

    // anything | absent, not Direct Routing -> not-in-tenant (error when assigned)
    func testAbsentNonDirectRoutingIsNotInTenant() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4722930004", to: "anna.jensen@contoso.com")
            + "  - number: \"+4533121099\"\n    status: reserved\n    until: 2027-01-01\n    reason: r\n"
            + "  - number: \"+4533121008\"\n    status: free\n"
            + "  - number: \"+4533121999\"\n    status: retired\n"
            + "  - block: +4533121100..+4533121109\n    status: reserved\n    until: 2027-01-01\n    reason: r\n"
            + "  - number: \"+4538401150\"\n    status: free\n")
        let result = plan(inventory, Live.snapshot([Live.number("+4533121100"), Live.number("+4533121101")]))
        XCTAssertTrue(result.actions.isEmpty)
        let found = Dictionary(uniqueKeysWithValues: result.findings.map { ($0.number, $0) })
        XCTAssertEqual(found["+4722930004"]?.kind, .notInTenant)
        XCTAssertEqual(found["+4722930004"]?.severity, .error)
        XCTAssertEqual(found["+4533121099"]?.severity, .warning)
        XCTAssertEqual(found["+4533121008"]?.severity, .info)
        XCTAssertNil(found["+4533121999"], "a retired number is expected to be gone")
        XCTAssertNil(found["+4538401150"], "a free Direct Routing number is absent by nature")
        XCTAssertTrue(found["+4533121100..+4533121109"]?.message.contains("8 of its 10") == true)
        XCTAssertEqual(result.exitCode(detailed: true), 1)
    }

    // not declared | assigned -> undeclared (never unassigned)
    func testUndeclaredAssignedIsAGhostNeverUnassigned() throws {
        let inventory = Declared.inventory("numbers: []\n")
        let ghost = Live.number("+4533121500", status: .userAssigned, target: "id-peter")
        let outside = Live.number("+4533129000", status: .userAssigned, target: "id-unknown")
        let freeOutside = Live.number("+4533129001")
        let freeInside = Live.number("+4533121501")
        let result = plan(inventory, Live.snapshot([ghost, outside, freeOutside, freeInside]))
        XCTAssertTrue(result.actions.isEmpty)
        XCTAssertEqual(result.findings.map(\.kind), [.undeclared, .undeclared, .undeclared])
        XCTAssertEqual(result.findings.map(\.severity), [.warning, .warning, .info])
        XCTAssertTrue(result.findings[0].message.contains("inside range cph-hq"))
        XCTAssertTrue(result.findings[1].message.contains("object id id-unknown (not in the directory export)"))
        XCTAssertEqual(result.findings[0].live, RecordOrigin(file: "numbers.json", record: 1))
    }

    // assigned | assigned to a disabled account -> disabled-account
    func testDisabledAccountIsASecurityFinding() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "bo.nielsen@contoso.com")
            + Declared.assigned("+4533121043", to: "bo.nielsen@contoso.com", extra: "    category: private"))
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-bo")
        let result = plan(inventory, Live.snapshot([live, Live.number("+4533121043")]))
        XCTAssertEqual(result.actions.map(\.kind), [.assign])
        XCTAssertEqual(result.findings.map(\.kind), [.disabledAccount, .disabledAccount])
        XCTAssertEqual(result.findings.first?.severity, .warning)
        let ghost = plan(Declared.inventory("numbers: []\n"), Live.snapshot([Live.number("+4533121500", status: .userAssigned, target: "id-bo")]))
        XCTAssertEqual(Set(ghost.findings.map(\.kind)), [.undeclared, .disabledAccount])
    }

    // external | assigned in Teams -> external-conflict; external numbers are never planned
    func testExternalAssignedIsAConflictAndNeverPlanned() {
        let inventory = Declared.inventory("numbers:\n  - number: \"+4538401190\"\n    status: external\n    kind: device\n    owner: facilities\n"
            + "  - number: \"+4533121900\"\n    status: external\n    owner: facilities\n")
        let live = Live.number("+4538401190", .directRouting, status: .userAssigned, target: "id-peter")
        let result = plan(inventory, Live.snapshot([live]))
        XCTAssertTrue(result.actions.isEmpty)
        XCTAssertEqual(result.findings.map(\.kind), [.externalConflict])
        XCTAssertEqual(result.findings.first?.severity, .error)
        XCTAssertEqual(result.findings.first?.declaredAt?.line, 16)
    }

    // UPNs the directory does not know: a finding, never a guess
    func testUnknownIdentityIsAnErrorNotAGuess() {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "nobody@contoso.com")
            + Declared.assigned("+4538401100;ext=9", to: "nobody2@contoso.com"))
        let live = Live.number("+4533121042", status: .userAssigned, target: "id-peter")
        let result = plan(inventory, Live.snapshot([live]))
        XCTAssertTrue(result.actions.isEmpty)
        XCTAssertEqual(result.findings.map(\.kind), [.unresolvedIdentity, .unresolvedIdentity])
        XCTAssertTrue(result.findings.allSatisfy { $0.severity == .error })
        let noDirectory = plan(inventory, Live.snapshot([live], accounts: []))
        XCTAssertTrue(noDirectory.findings.first?.message.contains("no Get-CsOnlineUser") == true)
    }

    func testConferenceNumbersMatchTheBridgeByStatus() {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121010", to: "conference-bridge@contoso.com", kind: "conference"))
        let live = Live.number("+4533121010", status: .conferenceAssigned, target: "bridge-id")
        let result = plan(inventory, Live.snapshot([live]))
        XCTAssertTrue(result.actions.isEmpty)
        XCTAssertTrue(result.findings.isEmpty)
    }

    func testResourceAccountsGetVoiceApplicationStatus() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121000", to: "aa-main@contoso.com", kind: "auto-attendant"))
        let action = try XCTUnwrap(plan(inventory, Live.snapshot([Live.number("+4533121000")])).actions.first)
        XCTAssertEqual(action.after.status, "voice-application-assigned")
    }

    func testSummaryDigestsAndOrdering() {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4722930001", to: "anna.jensen@contoso.com")
            + Declared.assigned("+4533121042", to: "peter.holm@contoso.com"))
        let live = [Live.number("+4533121042"), Live.number("+4722930001", .callingPlan, location: nil)]
        let result = plan(inventory, Live.snapshot(live))
        XCTAssertEqual(result.actions.map(\.number), ["+4533121042", "+4722930001"])
        XCTAssertEqual(result.summary.assign, 2)
        XCTAssertEqual(result.summary.changes, 2)
        XCTAssertEqual(result.summary.liveNumbers, 2)
        XCTAssertEqual(result.summary.liveAssigned, 0)
        XCTAssertEqual(result.summary.declaredEntries, 2)
        XCTAssertEqual(result.tenant, "contoso.onmicrosoft.com")
        XCTAssertEqual(result.inputs, testInputs)
    }

    func testPlansRoundTripThroughJSON() throws {
        let inventory = Declared.inventory("numbers:\n" + Declared.assigned("+4533121042", to: "anna.jensen@contoso.com"))
        let result = plan(inventory, Live.snapshot([Live.number("+4533121042", status: .userAssigned, target: "id-peter")]))
        let decoded = try PlanJSONRenderer.decode(Data(PlanJSONRenderer.render(result).utf8))
        XCTAssertEqual(decoded, result)
    }

    func testContentDigestCoversPathsAndBytes() {
        let a = DeclaredSources(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\n"),
                                files: [InventorySourceFile(path: "a.yaml", text: "numbers: []\n")], liveDirectory: nil)
        var renamed = a
        renamed.files[0].path = "b.yaml"
        var edited = a
        edited.files[0].bytes.append(10)
        XCTAssertNotEqual(a.contentDigest, renamed.contentDigest)
        XCTAssertNotEqual(a.contentDigest, edited.contentDigest)
        XCTAssertEqual(a.contentDigest, a.contentDigest)
        XCTAssertTrue(a.contentDigest.hasPrefix("sha256:"))
    }
}
