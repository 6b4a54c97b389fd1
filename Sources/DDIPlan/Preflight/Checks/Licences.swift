/// What the licence checks share: where an account's service plans are, and how to say they are not.
enum Licences {
    static let lacking = "the accounts' licences (service plans)"

    static func plans(of account: DirectoryAccount) -> [String]? {
        guard account.reported.contains(.licences) else { return nil }
        return account.servicePlans
    }

    /// Each assignment the plan makes to `target` (and that `include` keeps) whose holder's service
    /// plans do not satisfy `licensed`; an account whose export carries no licences is reported
    /// skipped instead, never guessed.
    static func unlicensed(_ context: PreflightContext, to target: IdentityKind, _ findings: inout PreflightFindings,
                           where include: (PreflightAssignment) -> Bool = { _ in true },
                           licensed: ([String]) -> Bool) -> [(assignment: PreflightAssignment, account: DirectoryAccount)] {
        var missing: [(assignment: PreflightAssignment, account: DirectoryAccount)] = []
        for assignment in context.assignments where assignment.changesHolder && assignment.target == target && include(assignment) {
            guard let account = assignment.account else { continue }
            guard let plans = plans(of: account) else {
                findings.skip(assignment.number, lacking: lacking, declaredAt: assignment.declaredAt)
                continue
            }
            if !licensed(plans) { missing.append((assignment, account)) }
        }
        return missing
    }
}
