import DDIKit
import DDIPlan

/// `safety:` of ddi.yaml (README "`ddi.yaml`"): a plan that unassigns or reassigns too large a share of the
/// tenant's live assignments is refused unless `--force`.
public struct SafetyViolation: Sendable, Equatable, CustomStringConvertible {
    public var kind: PlanActionKind
    public var count: Int
    public var liveAssigned: Int
    public var limitPercent: Double
    /// Auto attendant and call queue updates counted with the reassigns: each sends calls elsewhere.
    public var routing = 0

    public var percent: Double { liveAssigned == 0 ? 0 : Double(count) * 100 / Double(liveAssigned) }

    public var description: String {
        let setting = kind == .unassign ? "max_unassign_percent" : "max_reassign_percent"
        let counted = routing > 0 ? " (counting \(routing) auto attendant or call queue update(s))" : ""
        return "the plan would \(kind.rawValue) \(count) of \(liveAssigned) live assignments\(counted) (\(Self.format(percent))%), above safety.\(setting) = \(Self.format(limitPercent))%"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

public enum SafetyCheck {
    /// The thresholds are checked on the plan made now: its actions, and the live assignments
    /// counted from the snapshot given to apply. A saved plan's `summary.live_assigned` is never
    /// read (anyone can inflate it and recompute the checksum); StalePlanCheck only compares it.
    public static func violations(_ current: CurrentPlan) -> [SafetyViolation] {
        violations(actions: current.plan.actions, liveAssigned: current.liveAssigned, thresholds: current.safety,
                   routing: current.plan.routing.changeCount)
    }

    static func violations(actions: [PlanAction], liveAssigned live: Int, thresholds: SafetyThresholds, routing: Int = 0) -> [SafetyViolation] {
        guard live > 0, live >= thresholds.minExisting else { return [] }
        var result: [SafetyViolation] = []
        for (kind, limit) in [(PlanActionKind.unassign, thresholds.maxUnassignPercent), (.reassign, thresholds.maxReassignPercent)] {
            let counted = kind == .reassign ? routing : 0
            let count = actions.lazy.filter { $0.kind == kind }.count + counted
            let violation = SafetyViolation(kind: kind, count: count, liveAssigned: live, limitPercent: limit, routing: counted)
            if count > 0, violation.percent > limit { result.append(violation) }
        }
        return result
    }
}
