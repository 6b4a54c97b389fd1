import DDIKit
import DDIPlan

/// One call to the tenant. A plan action becomes one or more steps (a reassign unassigns, then
/// assigns); each step is journaled on its own, so a rerun resumes between them.
///
/// Every step carries the live state it expects to find before it runs (`expectedHolderID`,
/// `nextHolderID`), and both providers check it (`liveCheck`): a tenant that changed since the plan
/// stops the apply; a step is never carried out against a holder the plan did not see.
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
    /// The object id the step expects to hold the number before it runs; nil when it expects the
    /// number unassigned (an assign).
    public var expectedHolderID: String?
    /// The unassign half of a reassign: the object id the number goes to next. Finding the number
    /// there already means the whole reassign is done.
    public var nextHolderID: String?
    public var nextHolderDisplay: String?

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
            let target = action.target.objectID, display = action.target.display
            var local: [ApplyStep] = []
            func add(_ operation: ApplyStep.Operation, on targetID: String = target, display: String = display,
                     expecting holder: String?, next: String? = nil, nextDisplay: String? = nil, tag: String? = nil) {
                local.append(ApplyStep(
                    id: "\(index + 1).\(local.count + 1) \(operation.rawValue) \(action.number)" + (tag.map { " " + $0 } ?? ""),
                    actionIndex: index, operation: operation, number: action.number, numberType: action.numberType,
                    targetID: targetID, targetDisplay: display, category: action.category, locationID: action.locationID,
                    tag: tag, expectedHolderID: holder, nextHolderID: next, nextHolderDisplay: nextDisplay))
            }
            switch action.kind {
            case .assign:
                add(.assign, expecting: nil)
            case .reassign:
                let previous = action.before?.objectID ?? ""
                add(.unassign, on: previous, display: action.before?.assignedTo ?? action.before?.objectID ?? "the previous holder",
                    expecting: previous, next: target, nextDisplay: display)
                add(.assign, expecting: nil)
            case .unassign:
                // The declared previous holder: the one the plan saw in the snapshot.
                let previous = action.before?.objectID ?? target
                add(.unassign, on: previous, expecting: previous)
            case .update:
                if action.changes.contains(.locationID) || action.changes.contains(.category) {
                    add(.update, expecting: target)
                }
            }
            if action.kind != .unassign, action.changes.contains(.tags) || (action.kind != .update && !action.tags.isEmpty) {
                let before = Set(action.before?.tags ?? [])
                for tag in action.tags where !before.contains(tag) { add(.addTag, expecting: target, tag: tag) }
                if action.changes.contains(.tags) {
                    for tag in (action.before?.tags ?? []) where !action.tags.contains(tag) { add(.removeTag, expecting: target, tag: tag) }
                }
            }
            steps += local
        }
        return steps
    }
}
