import DDIKit
import DDIPlan

/// Names what differs between a saved action and the action planned now for the same number, so
/// that a stale-plan refusal says what changed ("previous holder anna → bo"), not only that
/// something did. Every value is escaped for a terminal.
enum ActionDifference {
    static func fields(saved: PlanAction, current: PlanAction) -> [String] {
        var lines: [String] = []
        func compare(_ name: String, _ old: String, _ new: String) {
            if old != new { lines.append("\(name) \(old) → \(new)") }
        }
        compare("kind", saved.kind.rawValue, current.kind.rawValue)
        compare("number type", saved.numberType.rawValue, current.numberType.rawValue)
        compare("target", target(saved.target), target(current.target))
        compare("category", show(saved.category?.rawValue), show(current.category?.rawValue))
        compare("location", show(saved.locationID), show(current.locationID))
        compare("tags", tags(saved.tags), tags(current.tags))
        compare("changes", tags(saved.changes.map(\.rawValue)), tags(current.changes.map(\.rawValue)))
        lines += stateDifferences("previous", saved.before, current.before)
        lines += stateDifferences("resulting", saved.after, current.after)
        return lines
    }

    /// `before` is the live state the plan expects to find: a number held by A when the plan was
    /// saved and by B now is a different change (a reassign from A must not take it from B).
    static func stateDifferences(_ label: String, _ saved: AssignmentState?, _ current: AssignmentState?) -> [String] {
        guard saved != current else { return [] }
        guard let saved, let current else {
            let absent = "not in the tenant"
            return ["\(label) state \(saved.map(holderAndStatus) ?? absent) → \(current.map(holderAndStatus) ?? absent)"]
        }
        var lines: [String] = []
        if saved.objectID != current.objectID || saved.assignedTo != current.assignedTo {
            lines.append("\(label) holder \(holder(saved)) → \(holder(current))")
        }
        if saved.status != current.status {
            lines.append("\(label) status \(TextEscaping.terminal(saved.status)) → \(TextEscaping.terminal(current.status))")
        }
        if saved.tags != current.tags {
            lines.append("\(label) tags \(saved.tags.map(tags) ?? "(unknown)") → \(current.tags.map(tags) ?? "(unknown)")")
        }
        if saved.locationID != current.locationID {
            lines.append("\(label) location \(show(saved.locationID)) → \(show(current.locationID))")
        }
        if saved.category != current.category {
            lines.append("\(label) category \(show(saved.category?.rawValue)) → \(show(current.category?.rawValue))")
        }
        return lines
    }

    /// `anna@contoso.com (object id …)`, or `nobody` when the number is not assigned.
    static func holder(_ state: AssignmentState) -> String {
        switch (state.assignedTo, state.objectID) {
        case let (name?, id?) where name != id: "\(TextEscaping.terminal(name)) (\(TextEscaping.terminal(id)))"
        case let (name?, _): TextEscaping.terminal(name)
        case let (nil, id?): TextEscaping.terminal(id)
        case (nil, nil): "nobody"
        }
    }

    static func holderAndStatus(_ state: AssignmentState) -> String {
        "\(TextEscaping.terminal(state.status)), held by \(holder(state))"
    }

    static func target(_ target: PlanTarget) -> String {
        guard let upn = target.upn else { return TextEscaping.terminal(target.objectID) }
        return "\(TextEscaping.terminal(upn)) (\(TextEscaping.terminal(target.objectID)))"
    }

    static func tags(_ values: [String]) -> String { "[" + values.map(TextEscaping.terminal).joined(separator: ", ") + "]" }

    static func show(_ value: String?) -> String { value.map(TextEscaping.terminal) ?? "(none)" }
}
