import DDIKit
import DDITestSupport
import Foundation
@testable import DDIPlan

typealias RoutingTenant = RoutingTenantExports

/// The routing tenant's exports read and planned (the texts are in DDITestSupport, shared with DDIApplyTests).
extension RoutingTenantExports {
    static func snapshot(autoAttendants: String? = autoAttendants(), callQueues: String? = callQueues()) throws -> LiveSnapshot {
        var sources = [
            SnapshotSource(path: "numbers.json", bytes: Array(numbers.utf8)),
            SnapshotSource(path: "users.json", bytes: Array(users.utf8)),
            SnapshotSource(path: "resource-accounts.json", bytes: Array(applicationInstances.utf8)),
        ]
        if let autoAttendants { sources.append(SnapshotSource(path: "auto-attendants.json", bytes: Array(autoAttendants.utf8))) }
        if let callQueues { sources.append(SnapshotSource(path: "call-queues.json", bytes: Array(callQueues.utf8))) }
        return try SnapshotLoader.read(sources)
    }

    static func inventory(_ routing: String = routing()) -> Inventory {
        InventoryLoader.load(config: InventorySourceFile(path: "ddi.yaml", text: "version: 1\ntenant: contoso.onmicrosoft.com\n"),
                             files: [InventorySourceFile(path: "front-office.yaml", text: declaredNumbers + routing)]).inventory
    }

    static func plan(_ inventory: Inventory = inventory(), snapshot: LiveSnapshot) -> Plan {
        Planner.plan(inventory: inventory, snapshot: snapshot, inputs: PlanInputs(declared: .init(contentSHA256: "sha256:" + String(repeating: "0", count: 64), files: 1), live: snapshot.files))
    }
}
