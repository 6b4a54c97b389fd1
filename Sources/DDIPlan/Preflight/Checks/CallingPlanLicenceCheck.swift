import DDIKit

/// PF003: a Calling Plan number goes only to a user with a Calling Plan licence.
struct CallingPlanLicenceCheck: PreflightCheck {
    let id = "PF003"
    let title = "Calling Plan licence for a Calling Plan number"
    let defaultSeverity = Severity.error
    let rationale = """
    Microsoft: "If the user is to be assigned with a Teams Calling Plan number, the user must also \
    have a Teams Calling Plan license." Calling Plans are the service plans `MCOPSTN1`, `MCOPSTN2`, \
    `MCOPSTN5`, ... of the licensing reference; Communication Credits (`MCOPSTNC`) are not one. \
    Direct Routing and Operator Connect numbers need no Calling Plan. Resource accounts are checked \
    by PF004.
    """
    let source = "https://learn.microsoft.com/microsoftteams/assign-change-or-remove-a-phone-number-for-a-user"
    let examples: [PreflightExample] = [
        .valid("+14025551234 (CallingPlan) to a user with MCOPSTN1",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user())])),
        .valid("a Direct Routing number to a user without a Calling Plan",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.user(servicePlans: ["MCOEV"]))])),
        .invalid("+14025551234 (CallingPlan) to a user with Teams Phone and Communication Credits only",
                 message: "has no Calling Plan licence",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(servicePlans: ["MCOEV", "MCOPSTNC"]))])),
        .skipped("the users export has no licence column",
                 lacking: "the accounts' licences (service plans)",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(servicePlans: nil, reported: []))])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        let callingPlanNumbers = Licences.unlicensed(context, to: .user, &findings, where: { $0.numberType == .callingPlan },
                                                     licensed: ServicePlans.hasCallingPlan)
        for (assignment, account) in callingPlanNumbers {
            findings.add(assignment.number, identity: assignment.identity,
                         "\(assignment.number) is a Calling Plan number and \(assignment.identity) has no Calling Plan licence (service plan MCOPSTN*): Teams refuses the assignment",
                         fix: "assign \(assignment.identity) a Calling Plan licence, or declare a Direct Routing or Operator Connect number instead",
                         declaredAt: assignment.declaredAt, live: account.origin)
        }
    }
}
