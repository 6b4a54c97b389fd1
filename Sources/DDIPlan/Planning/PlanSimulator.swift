import DDIKit

/// What the tenant would look like after a plan's actions, without touching it: a plan applied to
/// the snapshot it came from must leave nothing to do (the planner's fixed point, checked by property
/// tests), and `ddi apply --dry-run` can show the result.
public enum PlanSimulator {
    public static func apply(_ plan: Plan, to snapshot: LiveSnapshot) -> LiveSnapshot {
        var numbers: [PhoneNumber: LiveNumber] = [:]
        for live in snapshot.numbers { numbers[live.number] = live }
        for action in plan.actions {
            guard case .success(let number) = PhoneNumber.parse(Substring(action.number)) else { continue }
            var live = numbers[number] ?? LiveNumber(number: number, numberType: action.numberType, status: .unassigned,
                                                     origin: RecordOrigin(file: "(applied)", record: numbers.count + 1))
            switch action.kind {
            case .assign, .reassign, .update:
                live.status = LiveAssignmentStatus(rawValue: action.after.status) ?? .userAssigned
                live.targetID = action.after.objectID ?? action.target.objectID
                live.category = action.after.category ?? live.category
                // A declared removal of the location is a change to nil, not "leave it".
                if action.changes.contains(.locationID) || action.after.locationID != nil { live.locationID = action.after.locationID }
                if let tags = action.after.tags { live.tags = tags }
            case .unassign:
                live.status = .unassigned
                live.targetID = nil
                live.category = nil
                if action.assignmentBlockDays != nil { live.assignmentBlock = AssignmentBlock(forever: false) }
            }
            numbers[number] = live
        }
        return LiveSnapshot(numbers: Array(numbers.values), accounts: snapshot.accounts, files: snapshot.files,
                            locations: snapshot.locations, notes: snapshot.notes)
    }
}
