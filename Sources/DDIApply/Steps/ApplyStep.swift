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
        /// `update` sets the location only (no identity): category changes are an unassign and an assign.
        case assign, unassign, update, addTag = "add-tag", removeTag = "remove-tag"
    }

    /// Stable within a plan: `<action>.<step> <operation> <number>`.
    public var id: String
    public var actionIndex: Int
    public var operation: Operation
    public var number: String
    /// The live number type (Teams requires it in `-NumberType` / Graph `numberType`).
    public var numberType: NumberSource
    /// The object id assigned to (assign) or taken from (unassign); for a conference bridge, the bridge id.
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
    /// What kind of identity `targetID` is: a conference bridge is managed with other cmdlets, and
    /// a policy target is never an identity at all (`ApplyStepRules` refuses it).
    public var targetKind: IdentityKind = .user
    /// An unassign into quarantine: days Teams blocks the number from being assigned again.
    public var assignmentBlockDays: Int?
    /// An update that removes the number's location (`locationID` is then nil).
    public var clearsLocation = false
    /// The unassign half of a category change: the same identity gets the number back with
    /// `category`, so finding it held by the target with that category means the change is done.
    public var changesCategory = false

    public var summary: String {
        switch operation {
        case .assign: "assign \(number) to \(targetDisplay)" + (changesCategory ? " as \(category?.rawValue ?? "primary")" : "")
        case .unassign:
            changesCategory ? "unassign \(number) from \(targetDisplay) to change its category"
                : "unassign \(number) from \(targetDisplay)" + (assignmentBlockDays.map { ", blocked for \($0) day(s)" } ?? "")
        case .update:
            (clearsLocation ? "clear the location of \(number)" : "set the location of \(number)") + (targetDisplay.isEmpty ? "" : " (\(targetDisplay))")
        case .addTag: "tag \(number) with \(tag ?? "")"
        case .removeTag: "remove tag \(tag ?? "") from \(number)"
        }
    }
}

public enum ApplySteps {
    public static func steps(for plan: Plan) -> [ApplyStep] {
        var steps: [ApplyStep] = []
        for (index, action) in plan.actions.enumerated() {
            steps += ActionSteps(index: index, action: action).steps()
        }
        return steps
    }
}

/// The steps of one action, in the order they run.
struct ActionSteps {
    let index: Int
    let action: PlanAction
    private var local: [ApplyStep] = []

    init(index: Int, action: PlanAction) {
        self.index = index
        self.action = action
    }

    /// The kind of whoever holds the number before the action, from the live status the plan saw.
    private var previousKind: IdentityKind {
        switch action.before?.status {
        case "conference-assigned": .conferenceBridge
        case "policy-assigned": .policy
        case "voice-application-assigned": .resourceAccount
        default: action.kind == .unassign ? action.target.kind : .user
        }
    }

    private mutating func add(_ operation: ApplyStep.Operation, on targetID: String? = nil, display: String? = nil,
                              kind: IdentityKind? = nil, expecting holder: String?, next: String? = nil, nextDisplay: String? = nil,
                              tag: String? = nil, configure: (inout ApplyStep) -> Void = { _ in }) {
        var step = ApplyStep(
            id: "\(index + 1).\(local.count + 1) \(operation.rawValue) \(action.number)" + (tag.map { " " + $0 } ?? ""),
            actionIndex: index, operation: operation, number: action.number, numberType: action.numberType,
            targetID: targetID ?? action.target.objectID, targetDisplay: display ?? action.target.display, category: action.category,
            locationID: action.locationID, tag: tag, expectedHolderID: holder, nextHolderID: next, nextHolderDisplay: nextDisplay)
        step.targetKind = kind ?? action.target.kind
        configure(&step)
        local.append(step)
    }

    func steps() -> [ApplyStep] {
        var builder = self
        builder.build()
        return builder.local
    }

    private mutating func build() {
        let target = action.target.objectID
        let previous = action.before?.objectID ?? ""
        let previousDisplay = action.before?.assignedTo ?? action.before?.objectID ?? "the previous holder"
        // A declared removal of the location (planner: `.locationID` changed to nil) is not part of
        // an assignment: Set-CsPhoneNumberAssignment keeps the number's location unless told
        // `-LocationId 'null'`, so it is a step of its own once the number is held.
        let clearsAfterAssigning = action.changes.contains(.locationID) && action.locationID == nil
        switch action.kind {
        case .assign:
            add(.assign, expecting: nil)
            if clearsAfterAssigning { add(.update, expecting: target) { $0.category = nil; $0.clearsLocation = true } }
        case .reassign:
            add(.unassign, on: previous, display: previousDisplay, kind: previousKind, expecting: previous, next: target,
                nextDisplay: action.target.display)
            add(.assign, expecting: nil)
            if clearsAfterAssigning { add(.update, expecting: target) { $0.category = nil; $0.clearsLocation = true } }
        case .unassign:
            // The declared previous holder: the one the plan saw in the snapshot.
            let holder = action.before?.objectID ?? target
            let blockDays = action.assignmentBlockDays
            add(.unassign, on: holder, kind: previousKind, expecting: holder) { $0.assignmentBlockDays = blockDays }
        case .update:
            let clears = action.changes.contains(.locationID) && action.locationID == nil
            if action.changes.contains(.category) {
                // Teams documents no way to change the category of an assigned number in place
                // (Set-CsPhoneNumberAssignment's Assignment set assigns; the private-line page
                // assigns and unassigns): https://learn.microsoft.com/microsoftteams/private-line
                // so the number is unassigned and assigned again with the new category.
                add(.unassign, expecting: target, next: target, nextDisplay: action.target.display) { $0.changesCategory = true }
                add(.assign, expecting: nil) { $0.changesCategory = true }
                if clears { add(.update, expecting: target) { $0.clearsLocation = true } }
            } else if action.changes.contains(.locationID) {
                // "You can set the location on both assigned and unassigned phone numbers":
                // an unassigned number's update expects it still unassigned.
                // https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignment
                let holder = action.before?.status == "unassigned" ? nil : target
                add(.update, expecting: holder) { $0.category = nil; $0.clearsLocation = clears }
            }
        }
        guard action.kind != .unassign, action.changes.contains(.tags) || (action.kind != .update && !action.tags.isEmpty) else { return }
        let before = action.before?.tags ?? []
        let beforeFolded = Set(before.map { $0.lowercased() }), afterFolded = Set(action.tags.map { $0.lowercased() })
        // Teams compares tags case-insensitively: a tag that differs only in case is the same tag.
        for tag in action.tags where !beforeFolded.contains(tag.lowercased()) { add(.addTag, expecting: target, tag: tag) }
        if action.changes.contains(.tags) {
            for tag in before where !afterFolded.contains(tag.lowercased()) { add(.removeTag, expecting: target, tag: tag) }
        }
    }
}
