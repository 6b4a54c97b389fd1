extension GraphApplyReport {
    /// True when the apply stopped because the tenant changed since the plan (`ApplyStep.changedMessage`):
    /// running the same apply again stops at the same step, so the advice is a new snapshot and a
    /// new plan, not a resume.
    public var stoppedOnChangedTenant: Bool {
        failure?.contains(ApplyStep.changedAdvice) == true
    }
}
