import DDIKit
import PropertyBased
import Testing
@testable import DDIPlan

/// Applying a plan's actions to the snapshot it came from gives a snapshot whose plan has no
/// actions: the planner reaches its fixed point in one step, whatever the drift.
struct PlanPropertyTests {
    static let users = ["anna.jensen@contoso.com", "peter.holm@contoso.com", "bo.nielsen@contoso.com", "aa-main@contoso.com", "nobody@contoso.com"]
    static let liveIDs = ["id-anna", "id-peter", "id-bo", "id-aa"]
    static let declaredStatuses = ["none", "assigned", "assigned-private", "free", "reserved", "quarantine", "retired", "external"]

    /// Each integer describes one number: its declared state, its live state, who holds it on each
    /// side, and whether it is a Direct Routing number. Shrinking integers shrinks the scenario.
    struct Scenario: CustomStringConvertible {
        var codes: [Int]

        var description: String { codes.description }

        var inventory: Inventory {
            var numbers = "numbers:\n"
            for (index, code) in codes.enumerated() {
                let number = Self.number(index, code)
                let user = users[(code / 32) % 5]
                switch declaredStatuses[code % 8] {
                case "assigned":
                    numbers += Declared.assigned(number, to: user)
                case "assigned-private":
                    numbers += Declared.assigned(number, to: user, extra: "    category: private\n    tags: [sales, vip]\n    location_id: loc-\(code % 3)")
                case "reserved":
                    numbers += "  - number: \"\(number)\"\n    status: reserved\n    until: 2027-01-01\n    reason: r\n"
                case "quarantine":
                    numbers += "  - number: \"\(number)\"\n    status: quarantine\n    since: 2026-11-01\n"
                case "external":
                    numbers += "  - number: \"\(number)\"\n    status: external\n    owner: facilities\n"
                case "free", "retired":
                    numbers += "  - number: \"\(number)\"\n    status: \(declaredStatuses[code % 8])\n"
                default:
                    continue
                }
            }
            return Declared.inventory(numbers)
        }

        var snapshot: LiveSnapshot {
            var live: [LiveNumber] = []
            for (index, code) in codes.enumerated() {
                let number = Self.number(index, code)
                let directRouting = Self.isDirectRouting(code)
                let type: NumberSource = directRouting ? .directRouting : .operatorConnect
                let target = liveIDs[(code / 160) % 4]
                switch (code / 8) % 4 {
                case 0:
                    continue
                case 1:
                    if directRouting { continue }
                    live.append(Live.number(number, type))
                case 2:
                    live.append(Live.number(number, type, status: .userAssigned, target: target))
                default:
                    live.append(Live.number(number, type, status: .userAssigned, target: target, category: .alternate,
                                            location: "loc-x", tags: code % 2 == 0 ? ["old"] : nil))
                }
            }
            return Live.snapshot(live)
        }

        static func isDirectRouting(_ code: Int) -> Bool { (code / 640) % 3 == 0 }

        static func number(_ index: Int, _ code: Int) -> String {
            let suffix = String(index + 10)
            return isDirectRouting(code) ? "+45384011\(suffix)" : "+45331210\(suffix)"
        }
    }

    @Test func applyingAPlanLeavesNothingToDo() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1919).array(of: 1...24)) { codes in
            let scenario = Scenario(codes: codes)
            let first = plan(scenario.inventory, scenario.snapshot)
            let applied = PlanSimulator.apply(first, to: scenario.snapshot)
            let second = plan(scenario.inventory, applied)
            #expect(second.actions.isEmpty, "\(scenario): still \(second.actions.map { "\($0.kind) \($0.number) \($0.changes)" })")
            #expect(second.summary.errors == first.summary.errors, "applying changes no error finding")
        }
    }

    @Test func plansAreDeterministicAndOrdered() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1919).array(of: 1...24)) { codes in
            let scenario = Scenario(codes: codes)
            let a = plan(scenario.inventory, scenario.snapshot)
            let b = plan(scenario.inventory, LiveSnapshot(numbers: scenario.snapshot.numbers.reversed(), accounts: Live.accounts))
            #expect(a == b)
            let keys = a.actions.map(\.number).map(PlanAction.sortKey)
            #expect(keys == keys.sorted())
            #expect(a.summary.changes == a.actions.count)
        }
    }

    @Test func undeclaredNumbersAreNeverUnassigned() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...1919).array(of: 1...24)) { codes in
            let scenario = Scenario(codes: codes.map { $0 - $0 % 8 })  // declared "none" everywhere
            let result = plan(scenario.inventory, scenario.snapshot)
            #expect(result.actions.isEmpty)
        }
    }
}
