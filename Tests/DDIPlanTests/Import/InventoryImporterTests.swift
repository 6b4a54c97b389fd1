import DDIKit
import XCTest
@testable import DDIPlan

final class InventoryImporterTests: XCTestCase {
    let today = Day(iso: "2026-11-27") ?? Day(daysSinceEpoch: 0)

    private func importAndPlan(_ snapshot: LiveSnapshot, grouping: ImportGrouping = .country) throws -> (ImportedInventory, LoadedInventory, Plan) {
        let imported = try InventoryImporter.build(snapshot, options: ImportOptions(grouping: grouping, tenant: "contoso.onmicrosoft.com", today: today))
        let config = imported.files.first { $0.path == "ddi.yaml" }.map { InventorySourceFile(path: $0.path, text: $0.text) }
        let files = imported.files.filter { $0.path != "ddi.yaml" }.map { InventorySourceFile(path: $0.path, text: $0.text) }
        let loaded = InventoryLoader.load(config: config, files: files)
        return (imported, loaded, Planner.plan(inventory: loaded.inventory, snapshot: snapshot, inputs: testInputs))
    }

    func testImportedInventoryValidatesAndPlansNothing() throws {
        let snapshot = Live.snapshot([
            Live.number("+4533121000", status: .voiceApplicationAssigned, target: "id-aa", tags: ["switchboard"]),
            Live.number("+4533121001"),
            Live.number("+4533121002", status: .userAssigned, target: "id-anna", category: .primary, tags: ["sales"]),
            Live.number("+4533121003", status: .userAssigned, target: "id-peter", category: .private, location: "elsewhere"),
            Live.number("+4533121010", status: .conferenceAssigned, target: "bridge"),
            Live.number("+4538401100;ext=21", .directRouting, status: .userAssigned, target: "id-bo", location: nil),
            Live.number("+4538401150", .directRouting, status: .userAssigned, target: "id-peter", location: nil),
            Live.number("+4722930000", .callingPlan, status: .userAssigned, target: "id-anna", category: .private, location: nil, tags: nil),
        ])
        let (imported, loaded, result) = try importAndPlan(snapshot)
        XCTAssertEqual(imported.files.map(\.path), ["ddi.yaml", "dk.yaml", "no.yaml"])
        let report = Validator.validate(loaded, today: today)
        XCTAssertFalse(report.hasErrors, DiagnosticRenderer().text(report))
        XCTAssertTrue(report.diagnostics.allSatisfy { $0.ruleID == "DDI009" }, DiagnosticRenderer().text(report))
        XCTAssertTrue(result.actions.isEmpty, "\(result.actions)")
        XCTAssertEqual(result.findings.filter { $0.kind != .routing }.map(\.kind), [.disabledAccount], "bo.nielsen is disabled; the import keeps what is live")
        // The snapshot has no routing exports: the plan says once that routing was not planned.
        XCTAssertEqual(result.findings.filter { $0.kind == .routing }.map(\.severity), [.info])

        let dk = try XCTUnwrap(imported.files.first { $0.path == "dk.yaml" }?.text)
        XCTAssertTrue(dk.contains("block: \"+4533121000..+4533121003\""), dk)
        XCTAssertTrue(dk.contains("block: \"+4538401100..+4538401150\""), "Direct Routing runs bridge gaps:\n\(dk)")
        XCTAssertTrue(dk.contains("kind: auto-attendant\n    assigned_to: \"aa-main@contoso.com\""))
        XCTAssertTrue(dk.contains("routing: aa-main"))
        XCTAssertTrue(dk.contains("  - id: aa-main\n    type: auto-attendant"))
        XCTAssertTrue(dk.contains("kind: conference\n    assigned_to: \"conference-bridge@contoso.com\""))
        XCTAssertTrue(dk.contains("category: private"))
        XCTAssertTrue(dk.contains("location_id: \"elsewhere\""), "the run has two locations, so numbers carry theirs")
        let config = try XCTUnwrap(imported.files.first?.text)
        XCTAssertTrue(config.contains("tenant: \"contoso.onmicrosoft.com\""))
        XCTAssertEqual(imported.numbers, 7)
    }

    func testGroupingBySite() throws {
        let snapshot = try Fixtures.snapshot("valid/teams.json", "valid/users.json")
        let (imported, loaded, result) = try importAndPlan(snapshot, grouping: .site)
        XCTAssertEqual(imported.files.map(\.path), ["ddi.yaml", "sites/dk-7f3c0d2e.yaml", "sites/dk-no-location.yaml"])
        XCTAssertFalse(Validator.validate(loaded, today: today).hasErrors)
        XCTAssertTrue(result.actions.isEmpty, "\(result.actions)")
    }

    func testUnknownHoldersStopTheImport() {
        let snapshot = Live.snapshot([Live.number("+4533121002", status: .userAssigned, target: "id-ghost")])
        XCTAssertThrowsError(try InventoryImporter.build(snapshot, options: ImportOptions(today: today))) { error in
            XCTAssertTrue("\(error)".contains("id-ghost, which no directory export lists"), "\(error)")
        }
    }

    func testHostileTextIsQuoted() {
        XCTAssertEqual(YAMLQuoting.doubleQuoted("a\"b\\c\nd\u{1B}"), "\"a\\\"b\\\\c\\nd\\x1B\"")
    }
}
