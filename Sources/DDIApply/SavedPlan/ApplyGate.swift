import DDIKit
import DDIPlan

/// What `ddi apply` may carry out, once every check has passed.
public struct ApprovedPlan: Sendable {
    /// Always the plan made now from the current inventory and snapshot: a saved plan is only
    /// compared with it, never applied in its place.
    public let plan: Plan
    /// The saved plan's checksum (it names the journal, so a rerun resumes), or the current plan's.
    public let checksum: String
    /// Safety thresholds exceeded and let through by `--force` (empty otherwise).
    public let forcedPast: [SafetyViolation]
}

/// The checks between "a plan" and "apply it" (README "Applying plans"), all on values computed now:
/// error findings, then the stale comparison with a saved plan, then the safety thresholds.
public enum ApplyGate {
    public static func approve(current: CurrentPlan, saved: SavedPlan?, force: Bool) throws(ApplyRefusal) -> ApprovedPlan {
        let errors = current.plan.findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw ApplyRefusal(errorFindingsMessage(errors))
        }
        if let saved {
            let differences = StalePlanCheck.differences(saved: saved.plan, current: current.plan)
            if !differences.isEmpty {
                throw ApplyRefusal("the plan \(TextEscaping.terminal(saved.path)) is stale: planning now gives a different result\n"
                    + differences.map { "  " + $0 }.joined(separator: "\n") + "\nmake a new plan with ddi plan --out FILE")
            }
        }
        let violations = SafetyCheck.violations(current)
        if !violations.isEmpty, !force {
            throw ApplyRefusal("the plan exceeds the safety thresholds of \(Inventory.configFileName):\n"
                + violations.map { "  " + $0.description }.joined(separator: "\n") + "\nreview it, then apply with --force if it is intended")
        }
        return ApprovedPlan(plan: current.plan, checksum: saved?.checksum ?? PlanChecksum.compute(current.plan), forcedPast: violations)
    }

    /// The refusal `ddi plan --format markdown` announces ("`ddi apply` will not run this plan").
    static func errorFindingsMessage(_ errors: [PlanFinding]) -> String {
        var lines = ["the plan has \(errors.count) finding\(errors.count == 1 ? "" : "s") with severity error; ddi apply does not run a plan with error findings:"]
        for finding in errors {
            let place = finding.declaredAt.map { " (\(TextEscaping.terminal($0.file)):\($0.line))" } ?? ""
            lines.append("  ! \(finding.kind.rawValue) \(TextEscaping.terminal(finding.number))\(place): \(TextEscaping.terminal(finding.message))")
        }
        lines.append("fix them (ddi plan lists every finding), then apply again; nothing was applied")
        return lines.joined(separator: "\n")
    }
}
