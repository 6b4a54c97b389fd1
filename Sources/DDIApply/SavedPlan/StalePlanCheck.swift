import DDIKit
import DDIPlan

/// Compares a saved plan with the plan computed now from the same kind of inputs (README "Applying plans"):
/// the saved plan may be applied only when both would do exactly the same things to the same live
/// state. The saved plan's checksum only catches accidental edits (anyone can recompute it), so
/// nothing in the saved plan is trusted: its actions, their `before` state and its summary are
/// compared with the current plan, and only the current plan is applied.
public enum StalePlanCheck {
    /// Everything an apply step uses or checks: kind, number, type, target (id and display), the
    /// fields it sets, and the live state it expects to find (`before`: previous holder, tags,
    /// location, category, status) and to leave (`after`). The declaring line is not part of it.
    struct ActionKey: Equatable {
        var kind: PlanActionKind
        var number: String
        var numberType: String
        var target: PlanTarget
        var category: String?
        var locationID: String?
        var tags: [String]
        var changes: [PlanChange]
        var before: AssignmentState?
        var after: AssignmentState

        init(_ action: PlanAction) {
            kind = action.kind
            number = action.number
            numberType = action.numberType.rawValue
            target = action.target
            category = action.category?.rawValue
            locationID = action.locationID
            tags = action.tags
            changes = action.changes
            before = action.before
            after = action.after
        }
    }

    /// Empty when the plans agree; otherwise one line per difference, then why the inputs differ.
    /// Values from the plans are escaped for a terminal.
    public static func differences(saved: Plan, current: Plan) -> [String] {
        var lines: [String] = []
        if saved.tenant != current.tenant {
            lines.append("tenant: the plan was made for \(show(saved.tenant)), the inventory now names \(show(current.tenant))")
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
            var line = "\(TextEscaping.terminal(number)): the saved plan does \(was); planning now gives \(isNow)"
            if before.count == now.count {
                let changed = zip(before, now).flatMap { ActionDifference.fields(saved: $0, current: $1) }
                if !changed.isEmpty { line += " (" + changed.joined(separator: "; ") + ")" }
            }
            lines.append(line)
        }
        lines += summaryDifferences(saved: saved.summary, current: current.summary)
        lines += RoutingPlan.differences(saved: saved.routing, current: current.routing)
        guard !lines.isEmpty else { return [] }
        if saved.inputs.declared.contentSHA256 != current.inputs.declared.contentSHA256 {
            lines.append("why: the declared state changed since the plan was saved (\(show(saved.inputs.declared.contentSHA256)) → \(show(current.inputs.declared.contentSHA256)))")
        }
        let savedLive = saved.inputs.live.map(\.sha256).sorted(), currentLive = current.inputs.live.map(\.sha256).sorted()
        if savedLive != currentLive {
            lines.append("why: the live snapshot given differs from the one the plan was made from")
        }
        return lines
    }

    /// The saved plan's counts are never used, only compared: a summary that disagrees with the
    /// plan made now (an inflated `live_assigned`, say) makes the plan stale.
    static func summaryDifferences(saved: PlanSummary, current: PlanSummary) -> [String] {
        var lines: [String] = []
        for kind in PlanActionKind.allCases where saved.count(kind) != current.count(kind) {
            lines.append("summary: the saved plan counts \(saved.count(kind)) to \(kind.rawValue), planning now gives \(current.count(kind))")
        }
        if saved.errors != current.errors {
            lines.append("summary: the saved plan has \(Wording.counted(saved.errors, "error finding")), planning now gives \(current.errors)")
        }
        if saved.liveAssigned != current.liveAssigned {
            lines.append("summary: the saved plan counts \(saved.liveAssigned) live assignments, the snapshot now has \(current.liveAssigned)")
        }
        return lines
    }

    static func describe(_ action: PlanAction) -> String {
        var text = "\(action.kind.rawValue) \(TextEscaping.terminal(action.target.display))"
        if action.kind == .reassign, let before = action.before {
            text += " from \(ActionDifference.holder(before))"
        }
        let fields = action.changes.filter { $0 != .assignedTo }
        if !fields.isEmpty { text += " (\(fields.map(\.rawValue).joined(separator: ", ")))" }
        return text
    }

    static func show(_ value: String?) -> String { value.map(TextEscaping.terminal) ?? "(none)" }
}
