import DDIKit
import Foundation
@testable import DDIPlan

/// Fixtures live next to the tests; they are found through #filePath, so no bundle resources are needed.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { directory.appendingPathComponent(relative).path }

    static func snapshot(_ names: String...) throws -> LiveSnapshot {
        try SnapshotLoader.load(paths: names.map { path("snapshots/" + $0) }, display: { ($0 as NSString).lastPathComponent })
    }

    /// The problems reading the given snapshot files reports (empty when it reads fine).
    static func problems(_ names: String...) -> [SnapshotProblem] {
        do {
            _ = try SnapshotLoader.load(paths: names.map { path("snapshots/" + $0) }, display: { ($0 as NSString).lastPathComponent })
            return []
        } catch {
            return error.problems
        }
    }
}

/// Builds small declared states from YAML text.
enum Declared {
    static let ranges = """
    ranges:
      - id: cph-hq
        block: +4533121000..+4533121999
        source: operator-connect
        country: DK
        location_id: 7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30
      - id: cph-dr
        block: +4538401100..+4538401199
        source: direct-routing
        country: DK
      - id: osl
        block: +4722930000..+4722930099
        source: calling-plan
        country: "NO"

    """

    static func inventory(_ numbers: String, config: String = "version: 1\ntenant: contoso.onmicrosoft.com\n") -> Inventory {
        InventoryLoader.load(
            config: InventorySourceFile(path: "ddi.yaml", text: config),
            files: [InventorySourceFile(path: "numbers.yaml", text: ranges + numbers)]
        ).inventory
    }

    static func assigned(_ number: String, to upn: String, kind: String = "user", extra: String = "") -> String {
        """
          - number: "\(number)"
            status: assigned
            kind: \(kind)
            assigned_to: \(upn)
            owner: \(upn)
        \(extra)

        """
    }
}

enum Live {
    static let anna = DirectoryAccount(objectID: "id-anna", upn: "anna.jensen@contoso.com", kind: .user, enabled: true,
                                       origin: RecordOrigin(file: "users.json", record: 1))
    static let peter = DirectoryAccount(objectID: "id-peter", upn: "peter.holm@contoso.com", kind: .user, enabled: true,
                                        origin: RecordOrigin(file: "users.json", record: 2))
    static let bo = DirectoryAccount(objectID: "id-bo", upn: "bo.nielsen@contoso.com", kind: .user, enabled: false,
                                     origin: RecordOrigin(file: "users.json", record: 3))
    static let aa = DirectoryAccount(objectID: "id-aa", upn: "aa-main@contoso.com", kind: .resourceAccount,
                                     applicationID: TeamsApplication.autoAttendant, origin: RecordOrigin(file: "apps.json", record: 1))
    static let accounts = [anna, peter, bo, aa]

    static func number(_ text: String, _ type: NumberSource = .operatorConnect, status: LiveAssignmentStatus = .unassigned,
                       target: String? = nil, category: AssignmentCategory? = nil,
                       location: String? = "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30", tags: [String]? = []) -> LiveNumber {
        guard case .success(let number) = PhoneNumber.parse(Substring(text)) else { fatalError("bad test number \(text)") }
        return LiveNumber(number: number, numberType: type, status: status, targetID: target,
                          category: category ?? (status.isAssigned ? .primary : nil), locationID: location, tags: tags,
                          origin: RecordOrigin(file: "numbers.json", record: 1))
    }

    static func snapshot(_ numbers: [LiveNumber], accounts: [DirectoryAccount] = Live.accounts) -> LiveSnapshot {
        LiveSnapshot(numbers: numbers, accounts: accounts)
    }
}

let testInputs = PlanInputs(declared: .init(contentSHA256: "sha256:" + String(repeating: "0", count: 64), files: 2), live: [])

func plan(_ inventory: Inventory, _ snapshot: LiveSnapshot) -> Plan {
    Planner.plan(inventory: inventory, snapshot: snapshot, inputs: testInputs)
}
