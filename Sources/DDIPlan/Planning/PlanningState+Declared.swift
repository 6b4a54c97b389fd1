import DDIKit

/// Declared numbers: what each status asks of the tenant (README "ddi plan"), by the kind of identity that
/// holds the number (README "What the plan knows about Teams"): users and resource accounts by `-Identity`, the conferencing bridge
/// by its `ConferenceAssigned` status, shared-calling policies never by `-Identity`.
extension PlanningState {
    /// Entries are read through `NumberEntryFields`: one copy of the fields is cheaper than a key-path
    /// lookup for each of them (`NumberEntry`'s dynamic members), which showed in the benchmark.
    mutating func evaluate(_ entry: NumberEntryFields, live: LiveNumber?) {
        guard let status = entry.status?.value, let span = entry.span else { return }
        let number = live?.number ?? span.first
        let range = ranges.range(containing: number)
        switch status {
        case .assigned:
            switch entry.kind?.value {
            case .sharedCalling?: evaluateSharedCalling(entry, number: number, range: range, live: live)
            case .conference?: evaluateConference(entry, number: number, range: range, live: live)
            default: evaluateAssigned(entry, number: number, range: range, live: live)
            }
        case .external:
            if let live, live.status.isAssigned {
                add(.externalConflict, .error, number.description,
                    "declared external (in use outside Teams), but Teams has it assigned to \(holder(of: live)): calls reach Teams instead of the device; remove the Teams assignment by hand or declare the number assigned",
                    entry, live)
            }
        case .free, .reserved, .quarantine, .retired:
            if let live, live.status == .policyAssigned {
                policyHeldFinding(entry, declared: "declared \(status.rawValue)", live: live)
            } else if let live, live.status.isAssigned {
                unassign(entry, status: status, live: live, range: range)
            } else if live == nil, !entry.isBlock, let source = range?.source, source != .directRouting, status != .retired {
                let severity: Severity = status == .free ? .info : .warning
                add(.notInTenant, severity, number.description,
                    "declared \(status.rawValue), but the tenant does not have this \(source.rawValue) number: it cannot be used until it is acquired again",
                    entry, nil)
            }
            if let live, status == .free || status == .reserved { blockOnFreeNumberFinding(entry, status: status, live: live) }
        }
    }

    /// A number for a user or a resource account, found in the directory by its UPN.
    private mutating func evaluateAssigned(_ entry: NumberEntryFields, number: PhoneNumber, range: RangeFacts?, live: LiveNumber?) {
        guard let upn = entry.assignedTo?.value else { return }
        let wanted = Wanted(entry: entry, range: range)
        guard let live else {
            let source = range?.source
            guard source == .directRouting else {
                add(.notInTenant, .error, number.description,
                    "declared assigned to \(upn), but the tenant does not have this \(source?.rawValue ?? "number") number: acquire or port it before it can be assigned",
                    entry, nil)
                return
            }
            guard let account = resolve(upn, entry: entry, number: number, live: nil) else { return }
            let target = target(upn: upn, account: account, entry: entry, live: nil)
            assign(entry, number: number, target: target, type: .directRouting, range: range, live: nil, wanted: wanted)
            if target.kind == .user, account.enabled == false { disabledAccountFinding(entry, number: number, upn: upn, live: nil) }
            return
        }
        if live.status == .policyAssigned {
            policyHeldFinding(entry, declared: "declared assigned to \(upn)", live: live)
            return
        }
        guard let account = resolve(upn, entry: entry, number: number, live: live) else { return }
        let target = target(upn: upn, account: account, entry: entry, live: live)
        if !live.status.isAssigned {
            assign(entry, number: number, target: target, type: live.numberType, range: range, live: live, wanted: wanted)
        } else if live.targetID == account.objectID {
            update(entry, number: number, target: target, range: range, live: live, wanted: wanted)
        } else {
            reassign(entry, number: number, target: target, range: range, live: live, wanted: wanted)
        }
        if target.kind == .user, account.enabled == false { disabledAccountFinding(entry, number: number, upn: upn, live: live) }
    }

    /// An audio-conferencing number: `assigned_to` names the bridge, which no directory export lists,
    /// so it is never looked up there; the live `ConferenceAssigned` status says who holds it.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/register-csonlinedialinconferencingservicenumber
    private mutating func evaluateConference(_ entry: NumberEntryFields, number: PhoneNumber, range: RangeFacts?, live: LiveNumber?) {
        guard let bridge = entry.assignedTo?.value else { return }
        let wanted = Wanted(entry: entry, range: range, category: nil)
        let target = PlanTarget(upn: bridge, objectID: live?.status == .conferenceAssigned ? live?.targetID ?? "" : "", kind: .conferenceBridge)
        // The bridge takes service numbers the tenant has acquired ("assign any additional service
        // number that you may have acquired to your conference bridge"), so a number the tenant does
        // not list, a Direct Routing one included, cannot be registered: no step, an error.
        guard let live else {
            add(.notInTenant, .error, number.description,
                "declared as a conference number of \(bridge), but the tenant does not have this \(range?.source?.rawValue ?? "number") number: the conferencing bridge takes only service numbers the tenant has acquired",
                entry, nil)
            return
        }
        switch live.status {
        case .conferenceAssigned:
            update(entry, number: number, target: target, range: range, live: live, wanted: wanted)
        case .unassigned:
            assign(entry, number: number, target: target, type: live.numberType, range: range, live: live, wanted: wanted)
        case .policyAssigned:
            policyHeldFinding(entry, declared: "declared as a conference number", live: live)
        case .userAssigned, .voiceApplicationAssigned, .thirdPartyAppAssigned:
            reassign(entry, number: number, target: target, range: range, live: live, wanted: wanted)
        }
    }

    /// A number held by a shared-calling policy (`PolicyAssigned`, target such as
    /// `TeamsSharedCallingRoutingPolicy|Tag:SC1`): Teams sets it through the policy, never through
    /// `-Identity`, and no provider changes a policy-held number, so ddi plans no step for it; what
    /// differs from the declaration is a finding. https://learn.microsoft.com/microsoftteams/shared-calling-setup
    private mutating func evaluateSharedCalling(_ entry: NumberEntryFields, number: PhoneNumber, range: RangeFacts?, live: LiveNumber?) {
        guard let policyTarget = entry.assignedTo?.value else { return }
        guard let live, live.status == .policyAssigned, let liveTarget = live.targetID,
              liveTarget.asciiFolded == policyTarget.asciiFolded else {
            let found = live.map { $0.status.isAssigned ? "Teams has it assigned to \(holder(of: $0))" : "Teams has it unassigned" }
                ?? "the tenant does not have it"
            add(.numberState, .warning, number.description,
                "declared held by the policy \(policyTarget), but \(found): ddi does not assign numbers to policies; set the number in the policy (Set-CsTeamsSharedCallingRoutingPolicy)",
                entry, live)
            return
        }
        var differing: [String] = []
        if let liveTags = live.tags, !TagComparison.sameSet(liveTags, entry.tags) {
            differing.append("tags [\(liveTags.joined(separator: ", "))] in Teams, [\(entry.tags.joined(separator: ", "))] declared")
        }
        switch DeclaredLocation(entry: entry.locationID, range: range?.locationID) {
        case .set(let id) where id != live.locationID:
            differing.append("\(describe(live.locationID)) in Teams, \(describe(id)) declared")
        case .clear where live.locationID != nil:
            differing.append("\(describe(live.locationID)) in Teams, none declared")
        default:
            break
        }
        guard !differing.isEmpty else { return }
        add(.numberState, .warning, number.description,
            "held by the policy \(liveTarget) as declared, but \(differing.joined(separator: "; ")): ddi does not change numbers a policy holds; change them in Teams, or declare what Teams has",
            entry, live)
    }

    /// The directory account of a declared UPN; without one, ddi does not guess an object id.
    private mutating func resolve(_ upn: String, entry: NumberEntryFields, number: PhoneNumber, live: LiveNumber?) -> DirectoryAccount? {
        if let account = directory.account(upn: upn) { return account }
        let holderText = live.map { $0.status.isAssigned ? "it is assigned to \(holder(of: $0))" : "it is unassigned" }
            ?? "its object id is unknown"
        add(.unresolvedIdentity, .error, number.description,
            "declared assigned to \(upn), but \(upn) is not in the directory export (\(directory.isEmpty ? "no Get-CsOnlineUser / Get-CsOnlineApplicationInstance export was given" : "check the UPN, or export the directory again")); \(holderText), and ddi does not guess",
            entry, live)
        return nil
    }

    /// A resource account is known by the directory (`AccountType ResourceAccount`, an application
    /// instance export), by the declared kind, or by Teams holding the number as a voice application:
    /// a Graph `/users` export lists resource accounts as plain disabled users.
    private func target(upn: String, account: DirectoryAccount, entry: NumberEntryFields, live: LiveNumber?) -> PlanTarget {
        let declaredResource = [NumberKind.autoAttendant, .callQueue, .resource].contains(entry.kind?.value)
        let heldAsApplication = live?.status == .voiceApplicationAssigned && live?.targetID == account.objectID
        let isResource = account.isResourceAccount || declaredResource || heldAsApplication
        return PlanTarget(upn: upn, objectID: account.objectID, kind: isResource ? .resourceAccount : .user)
    }

    /// Sign-in state matters for users only: resource accounts are disabled by design.
    /// https://learn.microsoft.com/microsoftteams/manage-resource-accounts
    private mutating func disabledAccountFinding(_ entry: NumberEntryFields, number: PhoneNumber, upn: String, live: LiveNumber?) {
        let message = live?.status.isAssigned == true
            ? "assigned to \(upn), whose account is disabled: the number still rings and may forward (release it with ddi offboard \(upn))"
            : "declared assigned to \(upn), whose account is disabled: assigning a number to it keeps a door open (MFA, forwarding)"
        add(.disabledAccount, .warning, number.description, message, entry, live)
    }

    /// A number a policy holds cannot be taken with `Remove-CsPhoneNumberAssignment -Identity`: the
    /// plan needs a step Teams does not offer, so it is an error with the way out.
    private mutating func policyHeldFinding(_ entry: NumberEntryFields, declared: String, live: LiveNumber) {
        add(.numberState, .error, live.number.description,
            "\(declared), but Teams has it in \(holder(of: live)) (PolicyAssigned): ddi does not take numbers from policies; remove it from the policy first (Set-CsTeamsSharedCallingRoutingPolicy)",
            entry, live)
    }
}
