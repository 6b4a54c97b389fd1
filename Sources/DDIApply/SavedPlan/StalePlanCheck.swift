import DDIPlan

/// Compares a saved plan with the plan computed now from the same kind of inputs (DESIGN 6): the
/// saved plan may be applied only when both would do exactly the same things.
public enum StalePlanCheck {
    /// What identifies an action's effect: kind, number, type, target and the fields it sets.
    struct ActionKey: Equatable {
        var kind: PlanActionKind
        var number: String
        var numberType: String
        var target: String
        var category: String?
        var locationID: String?
        var tags: [String]
        var changes: [String]

        init(_ action: PlanAction) {
            kind = action.kind
            number = action.number
            numberType = action.numberType.rawValue
            target = action.target.objectID
            category = action.category?.rawValue
            locationID = action.locationID
            tags = action.tags
            changes = action.changes
        }
    }

    /// Empty when the plans agree; otherwise one line per difference, then why the inputs differ.
    public static func differences(saved: Plan, current: Plan) -> [String] {
        var lines: [String] = []
        if saved.tenant != current.tenant {
            lines.append("tenant: the plan was made for \(saved.tenant ?? "(none)"), the inventory now names \(current.tenant ?? "(none)")")
        }
        var savedByNumber: [String: [PlanAction]] = [:]
        for action in saved.actions { savedByNumber[action.number, default: []].append(action) }
        var currentByNumber: [String: [PlanAction]] = [:]
        for action in current.actions { currentByNumber[action.number, default: []].append(action) }
        let numbers = Set(savedByNumber.keys).union(currentByNumber.keys).sorted()
        for number in numbers {
            let before = savedByNumber[number] ?? [], now = currentByNumber[number] ?? []
            if before.map(ActionKey.init) == now.map(ActionKey.init) { continue }
            let was = before.isEmpty ? "nothing" : before.map(describe).joined(separator: ", ")
            let isNow = now.isEmpty ? "nothing" : now.map(describe).joined(separator: ", ")
            lines.append("\(number): the saved plan does \(was); planning now gives \(isNow)")
        }
        guard !lines.isEmpty else { return [] }
        if saved.inputs.declared.contentSHA256 != current.inputs.declared.contentSHA256 {
            lines.append("why: the declared state changed since the plan was saved (\(saved.inputs.declared.contentSHA256) → \(current.inputs.declared.contentSHA256))")
        }
        let savedLive = saved.inputs.live.map(\.sha256).sorted(), currentLive = current.inputs.live.map(\.sha256).sorted()
        if savedLive != currentLive {
            lines.append("why: the live snapshot given differs from the one the plan was made from")
        }
        return lines
    }

    static func describe(_ action: PlanAction) -> String {
        var text = "\(action.kind.rawValue) \(action.target.display)"
        let fields = action.changes.filter { $0 != "assigned_to" }
        if !fields.isEmpty { text += " (\(fields.joined(separator: ", ")))" }
        return text
    }
}
