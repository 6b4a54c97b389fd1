import DDIKit

/// The number's own state in Teams: assignment blocks (Teams' quarantine), activation state, port-in
/// orders, on-premises management and the live number type. A state finding is an error only when
/// it stops a step the plan needs (`propose` reports those); otherwise it is a warning.
extension PlanningState {
    // MARK: assignment blocks

    /// Days Teams should block a number released to quarantine from being assigned again: the
    /// quarantine days that remain (from `since` and `policy.quarantine_days`, as the lifecycle rules
    /// count them), within the 1...365 that `-AssignmentBlockedDays` accepts; nil when the
    /// quarantine is already over or the policy has none.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignmentblock
    /// https://learn.microsoft.com/powershell/module/microsoftteams/remove-csphonenumberassignment
    func quarantineBlockDays(_ entry: NumberEntryFields) -> Int? {
        let remaining: Int
        if let since = entry.since?.value, let today {
            remaining = today.days(until: policy.quarantineEnd(since: since))
        } else {
            remaining = policy.quarantineDays
        }
        guard remaining >= 1 else { return nil }
        return min(remaining, 365)
    }

    /// The live block that still holds (a block for days ends after its `until` day).
    func activeBlock(of live: LiveNumber) -> AssignmentBlock? {
        guard let block = live.assignmentBlock else { return nil }
        if !block.forever, let until = block.until.flatMap({ Day(iso: String($0.prefix(10))) }), let today, until < today { return nil }
        return block
    }

    func blockText(_ block: AssignmentBlock) -> String {
        block.forever ? "until an administrator removes the block (BlockedForever)" : block.until.map { "until \($0)" } ?? "for a number of days"
    }

    mutating func assignmentBlockedFinding(_ action: PlanAction, block: AssignmentBlock, entry: NumberEntryFields, live: LiveNumber) {
        add(.assignmentBlocked, .error, live.number.description,
            "declared assigned to \(action.target.display), but Teams blocks assigning this number \(blockText(block)): ddi never lifts a block; wait for it to end, or remove it by hand (Remove-CsPhoneNumberAssignmentBlock) if the number is really to be given out",
            entry, live)
    }

    /// A free or reserved number Teams will not let anyone have: worth knowing before it is needed.
    mutating func blockOnFreeNumberFinding(_ entry: NumberEntryFields, status: NumberStatus, live: LiveNumber) {
        guard let block = activeBlock(of: live) else { return }
        add(.assignmentBlocked, .warning, live.number.description,
            "declared \(status.rawValue), but Teams blocks assigning it \(blockText(block)): it cannot be given out until the block ends (ddi never lifts a block; Remove-CsPhoneNumberAssignmentBlock does)",
            entry, live)
    }

    // MARK: activation, port-in, on-premises

    /// Why Teams cannot carry out a step on `live` now, one reason per fact.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
    func stateReasons(of live: LiveNumber) -> [String] {
        var reasons = pendingReasons(of: live)
        if live.management == .onPremises {
            // "If a user or resource account has a phone number set in Active Directory on-premises
            // and synched into Microsoft 365, you can't use Set-CsPhoneNumberAssignment to set the
            // phone number." https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignment
            reasons.append("Teams reports NumberSource OnPremises: the number is managed in the on-premises directory, and Set-CsPhoneNumberAssignment / Remove-CsPhoneNumberAssignment cannot change it; change it on premises")
        }
        return reasons
    }

    /// The facts that are worth a look even when no step needs the number (OnPremises alone is not:
    /// a Direct Routing number managed on premises that needs nothing is simply fine).
    func pendingReasons(of live: LiveNumber) -> [String] {
        var reasons: [String] = []
        switch live.activationState {
        case .assignmentPending?, .updatePending?:
            reasons.append("Teams reports ActivationState \(live.activationState?.rawValue ?? ""): an earlier change to this number is still being carried out")
        case .assignmentFailed?, .updateFailed?:
            reasons.append("Teams reports ActivationState \(live.activationState?.rawValue ?? ""): its last change to this number failed; check the number in the Teams admin center")
        case .activated?, nil:
            break
        }
        if let order = live.portInOrderStatus, Self.isPortInProgress(order) {
            reasons.append("a port-in order is in progress (PortInOrderStatus \(order)): the number is not usable in Teams until the port completes")
        }
        return reasons
    }

    static func isPortInProgress(_ status: String) -> Bool {
        !["", "completed", "complete", "none", "null"].contains(status.trimmingWhitespace.lowercased())
    }

    /// After a declared live number is evaluated: its state as warnings, unless a stopped step
    /// reported it as errors already.
    mutating func reportNumberState(of live: LiveNumber, entry: NumberEntryFields) {
        guard !stateStoppedStep else { return }
        for reason in pendingReasons(of: live) {
            add(.numberState, .warning, live.number.description, "\(reason) (no step of this plan needs it now)", entry, live)
        }
    }

    // MARK: number type

    /// A ported or migrated number: Teams knows it as another type than the range declares. Actions
    /// use the live type, which `-NumberType` must match.
    mutating func checkNumberType(_ entry: NumberEntryFields, live: LiveNumber) {
        guard let range = ranges.range(containing: live.number), let declared = range.source, declared != live.numberType else { return }
        add(.numberTypeMismatch, .warning, live.number.description,
            "range \(range.id) declares \(declared.rawValue), but Teams has this number as \(live.numberType.rawValue) (ported or migrated?): ddi uses \(live.numberType.rawValue), as Teams requires; correct the range's source",
            entry, live)
    }
}
