import DDIKit
import DDIPlan

/// One call to the tenant. A plan action becomes one or more steps (a reassign unassigns, then
/// assigns); each step is journaled on its own, so a rerun resumes between them.
public struct ApplyStep: Sendable, Equatable {
    public enum Operation: String, Sendable {
        case assign, unassign, update, addTag = "add-tag", removeTag = "remove-tag"
    }

    /// Stable within a plan: `<action>.<step> <operation> <number>`.
    public var id: String
    public var actionIndex: Int
    public var operation: Operation
    public var number: String
    public var numberType: NumberSource
    /// The object id assigned to (assign, update) or taken from (unassign).
    public var targetID: String
    public var targetDisplay: String
    public var category: AssignmentCategory?
    public var locationID: String?
    public var tag: String?

    public var summary: String {
        switch operation {
        case .assign: "assign \(number) to \(targetDisplay)"
        case .unassign: "unassign \(number) from \(targetDisplay)"
        case .update: "update \(number) (\(targetDisplay))"
        case .addTag: "tag \(number) with \(tag ?? "")"
        case .removeTag: "remove tag \(tag ?? "") from \(number)"
        }
    }
}

public enum ApplySteps {
    public static func steps(for plan: Plan) -> [ApplyStep] {
        var steps: [ApplyStep] = []
        for (index, action) in plan.actions.enumerated() {
            var local: [(ApplyStep.Operation, String?, String, String)] = []
            let target = action.target.objectID, display = action.target.display
            switch action.kind {
            case .assign:
                local.append((.assign, nil, target, display))
            case .reassign:
                local.append((.unassign, nil, action.before?.objectID ?? "", action.before?.assignedTo ?? action.before?.objectID ?? "the previous holder"))
                local.append((.assign, nil, target, display))
            case .unassign:
                local.append((.unassign, nil, target, display))
            case .update:
                if action.changes.contains("location_id") || action.changes.contains("category") {
                    local.append((.update, nil, target, display))
                }
            }
            if action.kind != .unassign, action.changes.contains("tags") || (action.kind != .update && !action.tags.isEmpty) {
                let before = Set(action.before?.tags ?? [])
                for tag in action.tags where !before.contains(tag) { local.append((.addTag, tag, target, display)) }
                if action.changes.contains("tags") {
                    for tag in (action.before?.tags ?? []) where !action.tags.contains(tag) { local.append((.removeTag, tag, target, display)) }
                }
            }
            for (offset, (operation, tag, targetID, targetDisplay)) in local.enumerated() {
                steps.append(ApplyStep(
                    id: "\(index + 1).\(offset + 1) \(operation.rawValue) \(action.number)" + (tag.map { " " + $0 } ?? ""),
                    actionIndex: index, operation: operation, number: action.number, numberType: action.numberType,
                    targetID: targetID, targetDisplay: targetDisplay, category: action.category,
                    locationID: action.locationID, tag: tag))
            }
        }
        return steps
    }
}
