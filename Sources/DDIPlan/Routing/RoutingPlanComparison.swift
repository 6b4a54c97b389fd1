import DDIKit

extension RoutingPlan {
    /// How a saved plan's routing differs from the routing planned now, one line per routing id:
    /// empty when both would make the same calls (the stale-plan check of `ddi apply`).
    public static func differences(saved: RoutingPlan, current: RoutingPlan) -> [String] {
        func key(_ action: RoutingAction) -> [String] {
            [action.type.rawValue, action.configurationID] + action.changes.flatMap { change in
                [change.field.rawValue, "\(change.before)", "\(change.after)"]
            }
        }
        let savedByID = Dictionary(saved.actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let currentByID = Dictionary(current.actions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [String] = []
        for id in Set(savedByID.keys).union(currentByID.keys).sorted() {
            let was = savedByID[id], now = currentByID[id]
            if was.map(key) == now.map(key) { continue }
            func describe(_ action: RoutingAction?) -> String {
                guard let action else { return "nothing" }
                return "update \(action.type.rawValue) (" + action.changes.map { "\($0.field.rawValue): \($0.before.text) -> \($0.after.text)" }.joined(separator: "; ") + ")"
            }
            lines.append(TextEscaping.terminal("\(id): the saved plan does \(describe(was)); planning now gives \(describe(now))"))
        }
        if saved.actions.count != current.actions.count {
            lines.append("summary: the saved plan counts \(saved.actions.count) routing update(s), planning now gives \(current.actions.count)")
        }
        return lines
    }
}
