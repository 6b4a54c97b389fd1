import DDIKit
import DDIPlan

/// `safety:` of ddi.yaml (DESIGN 2.1): a plan that unassigns or reassigns too large a share of the
/// tenant's live assignments is refused unless `--force`.
public struct SafetyViolation: Sendable, Equatable, CustomStringConvertible {
    public var kind: PlanActionKind
    public var count: Int
    public var liveAssigned: Int
    public var limitPercent: Double

    public var percent: Double { liveAssigned == 0 ? 0 : Double(count) * 100 / Double(liveAssigned) }

    public var description: String {
        let setting = kind == .unassign ? "max_unassign_percent" : "max_reassign_percent"
        return "the plan would \(kind.rawValue) \(count) of \(liveAssigned) live assignments (\(Self.format(percent))%), above safety.\(setting) = \(Self.format(limitPercent))%"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

public enum SafetyCheck {
    public static func violations(_ plan: Plan, thresholds: SafetyThresholds) -> [SafetyViolation] {
        let live = plan.summary.liveAssigned
        guard live > 0, live >= thresholds.minExisting else { return [] }
        var result: [SafetyViolation] = []
        for (kind, limit) in [(PlanActionKind.unassign, thresholds.maxUnassignPercent), (.reassign, thresholds.maxReassignPercent)] {
            let count = plan.actions.lazy.filter { $0.kind == kind }.count
            let violation = SafetyViolation(kind: kind, count: count, liveAssigned: live, limitPercent: limit)
            if count > 0, violation.percent > limit { result.append(violation) }
        }
        return result
    }
}
