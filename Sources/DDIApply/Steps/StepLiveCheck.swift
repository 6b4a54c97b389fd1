import DDIKit

/// What a provider found in the tenant before a step, judged against the state the step expects
/// (README "Every step checks the live state it expects", including the previous holder).
public enum StepLiveCheck: Sendable, Equatable {
    /// The tenant is as the plan saw it: carry the step out.
    case run
    /// The tenant already shows the step's effect.
    case alreadyDone
    /// Someone the plan did not expect holds the number (or nobody does): the tenant changed
    /// since the plan, and the step must not run.
    case changed(found: String?)
}

extension ApplyStep {
    /// Judges the live state. `holder` is the object id holding the number now (nil: unassigned;
    /// empty: assigned, with no target id); `attributesInPlace` says whether the step's own change
    /// (location and category, or the tag; for the unassign half of a category change, the new
    /// category) is already there. Object ids compare case-insensitively.
    public func liveCheck(holder: String?, attributesInPlace: Bool) -> StepLiveCheck {
        func isHeld(by id: String?) -> Bool {
            guard let id, !id.isEmpty, let holder else { return false }
            return holder.lowercased() == id.lowercased()
        }
        switch operation {
        case .assign:
            if holder == nil { return .run }
            if isHeld(by: targetID) { return attributesInPlace ? .alreadyDone : .run }
        case .unassign where changesCategory:
            // The target holds it with the new category already: the unassign and assign are done.
            if holder == nil { return .alreadyDone }
            if isHeld(by: expectedHolderID) { return attributesInPlace ? .alreadyDone : .run }
        case .unassign:
            if holder == nil || isHeld(by: nextHolderID) { return .alreadyDone }
            if isHeld(by: expectedHolderID) { return .run }
        case .update where expectedHolderID == nil:
            if holder == nil { return attributesInPlace ? .alreadyDone : .run }
        case .update, .addTag, .removeTag:
            if isHeld(by: expectedHolderID) { return attributesInPlace ? .alreadyDone : .run }
        }
        return .changed(found: holder)
    }

    /// The live state the step expects, in words: "it unassigned or already held by …".
    public var expectedStateText: String {
        func who(_ id: String?, _ display: String?) -> String {
            let id = id ?? ""
            guard let display, display != id else { return id }
            return "\(display) (\(id))"
        }
        switch operation {
        case .assign:
            return "it unassigned or already held by \(who(targetID, targetDisplay))"
        case .unassign where changesCategory:
            return "it held by \(who(expectedHolderID, targetDisplay)), or already unassigned"
        case .unassign:
            let done = nextHolderID.map { "already unassigned or held by \(who($0, nextHolderDisplay))" } ?? "already unassigned"
            return "it held by \(who(expectedHolderID, targetDisplay)), or \(done)"
        case .update where expectedHolderID == nil:
            return "it unassigned"
        case .update, .addTag, .removeTag:
            return "it held by \(who(expectedHolderID, targetDisplay))"
        }
    }

    /// Why the step stops when the tenant changed, escaped for a terminal.
    public func changedMessage(found: String?) -> String {
        let foundText = found.map { $0.isEmpty ? "an assignment with no target id" : "held by \($0)" } ?? "unassigned"
        return TextEscaping.terminal("\(number): expected \(expectedStateText), found it \(foundText). ")
            + Self.changedAdvice
    }

    static let changedAdvice = "The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan."
}
