import DDIKit
import Foundation
import XCTest
@testable import DDIPlan

/// examples/tailspin breaks one of Teams' rules per pending change. Read through the snapshot
/// loader from its exports (every property the checks use), its plan shows exactly one finding of
/// each preflight check and skips none.
final class TailspinPreflightTests: XCTestCase {
    func testTheExampleShowsOneFindingOfEachCheckWhenTheExportsCarryEveryInput() throws {
        let root = RepositoryFiles.path("examples/tailspin")
        let loaded = try InventoryLoader.load(root: root)
        XCTAssertFalse(Validator.validate(loaded, today: RuleExample.today).hasErrors, "the example's inventory is valid")
        let snapshot = try SnapshotLoader.load(paths: [root + "/live"])
        XCTAssertNotNil(snapshot.locations, "the LIS export is read")
        XCTAssertTrue(snapshot.accounts.allSatisfy { $0.reported.isSuperset(of: [.usageLocation, .licences, .voiceRoutingPolicy]) })
        let planned = Preflight.check(plan(loaded.inventory, snapshot), snapshot: snapshot, overrides: loaded.inventory.config.ruleOverrides)
        let preflight = planned.findings.filter { $0.kind == .preflight }
        XCTAssertFalse(preflight.contains { $0.message.hasPrefix("not checked") }, "\(preflight.map(\.message))")
        for id in PreflightCatalog.ids {
            let found = preflight.filter { $0.checkID == id }
            XCTAssertEqual(found.count, 1, "\(id): \(found.map(\.message))")
        }
        XCTAssertEqual(preflight.first { $0.checkID == "PF006" }?.severity, .warning, "ddi.yaml keeps PF006 a warning")
    }
}
