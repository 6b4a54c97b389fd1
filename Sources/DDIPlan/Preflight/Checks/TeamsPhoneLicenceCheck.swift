import DDIKit

/// PF002: a user who is given a number has a Teams Phone licence.
struct TeamsPhoneLicenceCheck: PreflightCheck {
    let id = "PF002"
    let title = "Teams Phone licence for a user"
    let defaultSeverity = Severity.error
    let rationale = """
    A user can only hold a phone number with a Teams Phone licence (service plan `MCOEV`, in Teams \
    Phone Standard, Microsoft 365 E5 and the Teams Phone bundles). Without it Teams refuses the \
    assignment, or the user has a number and cannot make or take a PSTN call.
    """
    let source = "https://learn.microsoft.com/microsoftteams/teams-phone-licensing"
    let examples: [PreflightExample] = [
        .valid("user1@contoso.com has MCOEV and MCOPSTN1",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.user())])),
        .invalid("user1@contoso.com has only a Calling Plan (MCOPSTN1), no Teams Phone",
                 message: "has no Teams Phone licence (service plan MCOEV)",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.user(servicePlans: ["MCOPSTN1"]))])),
        .skipped("the users export has no licence column",
                 lacking: "the accounts' licences (service plans)",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.user(servicePlans: nil, reported: [.accountEnabled]))])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for (assignment, account) in Licences.unlicensed(context, to: .user, &findings, licensed: ServicePlans.hasTeamsPhone) {
            findings.add(assignment.number, identity: assignment.identity,
                         "\(assignment.identity) has no Teams Phone licence (service plan MCOEV): Teams refuses the number, or the user cannot call",
                         fix: "assign \(assignment.identity) a Teams Phone licence (Teams Phone Standard, or a suite that includes it) before applying",
                         declaredAt: assignment.declaredAt, live: account.origin)
        }
    }
}
