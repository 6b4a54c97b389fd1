import DDIPlan

/// `ddi apply`'s one call once a plan is approved: the model makes the steps, every step is
/// checked (`ApplyStepRules`, then the provider's own check) before any runs, and the provider
/// carries them out.
public enum ApplyRun {
    /// Carries out `plan` with `provider`. Returns the report of a finished apply (print its
    /// `summary`); throws a refusal when nothing could start, or when a step failed (naming where
    /// it stopped and how to resume).
    public static func carryOut(_ plan: Plan, with provider: any ApplyProvider.Type, context: ApplyContext) throws(ApplyRefusal) -> ApplyReport {
        let steps = ApplySteps.steps(for: plan)
        for step in steps {
            try ApplyStepRules.check(step)
            try provider.check(step)
        }
        var context = context
        context.routing = try RoutingApplyGate.steps(for: plan, provider: provider)
        var report = try provider.init(context: context).apply(steps, context: context)
        report.changes = plan.actions.count + plan.routing.actions.count
        report.total += context.routing.count
        if let stop = report.stopMessage { throw ApplyRefusal(stop) }
        return report
    }
}
