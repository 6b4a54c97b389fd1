import DDIKit

/// What a declaration asks of an assignment besides its holder.
struct Wanted {
    var location: DeclaredLocation
    /// Nil for holders without a category (the conferencing bridge, a policy).
    var category: AssignmentCategory?
    var tags: [String]

    init(entry: NumberEntryFields, range: RangeFacts?, category: AssignmentCategory? = .primary) {
        location = DeclaredLocation(entry: entry.locationID, range: range?.locationID)
        self.category = category == nil ? nil : entry.category?.value ?? .primary
        tags = TagComparison.unique(entry.tags)
    }
}

/// The actions: each is built here, then passes `propose`, which keeps out every step Teams would
/// refuse (an assignment block, a number state) and reports why instead.
extension PlanningState {
    mutating func assign(_ entry: NumberEntryFields, number: PhoneNumber, target: PlanTarget, type: NumberSource, range: RangeFacts?,
                         live: LiveNumber?, wanted: Wanted) {
        let location = resolveLocation(wanted.location, live: live, entry: entry, number: number, type: type)
        let tags = TagComparison.spelled(wanted.tags, like: live?.tags)
        var changes: [PlanChange] = [.assignedTo]
        if location.clears { changes.append(.locationID) }
        let after = AssignmentState(status: statusAfterAssigning(to: target).rawValue, assignedTo: target.upn, objectID: target.objectID,
                                    category: wanted.category, locationID: location.value, tags: tags,
                                    locationDescription: locationDescription(location.value))
        propose(PlanAction(
            kind: .assign, number: number.description, numberType: type, target: target, category: wanted.category,
            locationID: location.value, tags: tags, changes: changes, before: live.map(state(of:)), after: after,
            declaredAt: entry.text.location, declaredStatus: .assigned, numberKind: entry.kind?.value, rangeID: range?.id,
            locationDescription: locationDescription(location.value)), entry: entry, live: live)
    }

    mutating func update(_ entry: NumberEntryFields, number: PhoneNumber, target: PlanTarget, range: RangeFacts?, live: LiveNumber, wanted: Wanted) {
        let location = resolveLocation(wanted.location, live: live, entry: entry, number: number, type: live.numberType)
        let tags = TagComparison.spelled(wanted.tags, like: live.tags)
        let changes = differences(live: live, location: location, category: wanted.category, tags: tags)
        guard !changes.isEmpty else { return }
        let locationID = location.changes ? location.value : live.locationID
        var after = state(of: live)
        if changes.contains(.locationID) {
            after.locationID = location.value
            after.locationDescription = locationDescription(location.value)
        }
        if changes.contains(.category) { after.category = wanted.category }
        if changes.contains(.tags) { after.tags = tags }
        propose(PlanAction(
            kind: .update, number: number.description, numberType: live.numberType, target: target,
            category: wanted.category ?? live.category, locationID: locationID, tags: tags, changes: changes,
            before: state(of: live), after: after, declaredAt: entry.text.location, declaredStatus: .assigned,
            numberKind: entry.kind?.value, rangeID: range?.id, locationDescription: locationDescription(locationID)), entry: entry, live: live)
    }

    mutating func reassign(_ entry: NumberEntryFields, number: PhoneNumber, target: PlanTarget, range: RangeFacts?, live: LiveNumber, wanted: Wanted) {
        let location = resolveLocation(wanted.location, live: live, entry: entry, number: number, type: live.numberType)
        let tags = TagComparison.spelled(wanted.tags, like: live.tags)
        let locationID = location.changes ? location.value : live.locationID
        let after = AssignmentState(status: statusAfterAssigning(to: target).rawValue, assignedTo: target.upn, objectID: target.objectID,
                                    category: wanted.category, locationID: locationID, tags: live.tags == nil ? nil : tags,
                                    locationDescription: locationDescription(locationID))
        propose(PlanAction(
            kind: .reassign, number: number.description, numberType: live.numberType, target: target, category: wanted.category,
            locationID: locationID, tags: tags,
            changes: [.assignedTo] + differences(live: live, location: location, category: wanted.category, tags: tags),
            before: state(of: live), after: after, declaredAt: entry.text.location, declaredStatus: .assigned,
            numberKind: entry.kind?.value, rangeID: range?.id, locationDescription: locationDescription(locationID)), entry: entry, live: live)
    }

    mutating func unassign(_ entry: NumberEntryFields, status: NumberStatus, live: LiveNumber, range: RangeFacts?) {
        let target = PlanTarget(upn: holderName(of: live), objectID: live.targetID ?? "", kind: identityKind(of: live))
        propose(PlanAction(
            kind: .unassign, number: live.number.description, numberType: live.numberType, target: target, category: live.category,
            locationID: live.locationID, tags: live.tags ?? [], changes: [.assignedTo], before: state(of: live),
            after: AssignmentState(status: LiveAssignmentStatus.unassigned.rawValue, locationID: live.locationID, tags: live.tags,
                                   locationDescription: locationDescription(live.locationID)),
            declaredAt: entry.text.location, declaredStatus: status, numberKind: entry.kind?.value, rangeID: range?.id,
            // Unregister-CsOnlineDialInConferencingServiceNumber has no assignment block.
            assignmentBlockDays: status == .quarantine && target.kind != .conferenceBridge ? quarantineBlockDays(entry) : nil,
            locationDescription: locationDescription(live.locationID)), entry: entry, live: live)
    }

    /// What differs between the live assignment and the declaration. A side that does not say
    /// (no declared location, a snapshot without tags or category) is not compared; tags compare
    /// without regard to case, as Teams compares them.
    func differences(live: LiveNumber, location: LocationOutcome, category: AssignmentCategory?, tags: [String]) -> [PlanChange] {
        var changes: [PlanChange] = []
        if let category, let liveCategory = live.category, liveCategory != category { changes.append(.category) }
        if location.changes { changes.append(.locationID) }
        if let liveTags = live.tags, !TagComparison.sameSet(liveTags, tags) { changes.append(.tags) }
        return changes
    }

    /// The assignment status Teams reports once the number is with `target`.
    func statusAfterAssigning(to target: PlanTarget) -> LiveAssignmentStatus {
        switch target.kind {
        case .user: .userAssigned
        case .resourceAccount: .voiceApplicationAssigned
        case .conferenceBridge: .conferenceAssigned
        case .policy: .policyAssigned
        }
    }

    /// Adds the action unless Teams would refuse it; then the reason is an error finding instead.
    private mutating func propose(_ action: PlanAction, entry: NumberEntryFields, live: LiveNumber?) {
        if let live {
            if action.kind == .assign || action.kind == .reassign, let block = activeBlock(of: live) {
                assignmentBlockedFinding(action, block: block, entry: entry, live: live)
                stateStoppedStep = true
                return
            }
            let reasons = stateReasons(of: live)
            if !reasons.isEmpty {
                for reason in reasons {
                    add(.numberState, .error, live.number.description,
                        "\(reason): the plan needs to \(action.kind.rawValue) it, and ddi plans no step that Teams cannot carry out",
                        entry, live)
                }
                stateStoppedStep = true
                return
            }
        }
        actions.append(action)
    }
}
