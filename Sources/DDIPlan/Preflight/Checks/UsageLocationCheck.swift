import DDIKit

/// PF005: for Calling Plan and Operator Connect numbers, the identity's usage location is the
/// number's country.
struct UsageLocationCheck: PreflightCheck {
    let id = "PF005"
    let title = "Usage location matches the number's country"
    let defaultSeverity = Severity.error
    let rationale = """
    Microsoft: "When assigning a phone number to a user, make sure the phone number and the usage \
    location of the user are of the same country/region." Calling Plan and Operator Connect numbers \
    are bound to their country (`IsoCountryCode`); the user's or resource account's `UsageLocation` \
    must name the same one, or the assignment fails. Direct Routing numbers are not bound this way \
    and are not checked.
    """
    let source = "https://learn.microsoft.com/microsoftteams/assign-change-or-remove-a-phone-number-for-a-user"
    let examples: [PreflightExample] = [
        .valid("+14025551234 (IsoCountryCode US) to a user whose usage location is US",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user())])),
        .invalid("+14025551234 (IsoCountryCode US) to a user whose usage location is DK",
                 message: "has usage location DK, which is not the number's country US",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(usageLocation: "DK"))])),
        .skipped("the users export has no UsageLocation column",
                 lacking: "the accounts' UsageLocation",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(usageLocation: nil, reported: [.licences]))])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for assignment in context.assignments where assignment.changesHolder && assignment.numberType != .directRouting {
            guard assignment.target == .user || assignment.target == .resourceAccount,
                  let account = assignment.account, let live = assignment.live else { continue }
            guard let country = live.country?.uppercased(), !country.isEmpty else {
                findings.skip(assignment.number, lacking: "the numbers' IsoCountryCode", declaredAt: assignment.declaredAt)
                continue
            }
            guard account.reported.contains(.usageLocation) else {
                findings.skip(assignment.number, lacking: "the accounts' UsageLocation", declaredAt: assignment.declaredAt)
                continue
            }
            let usage = account.usageLocation?.uppercased() ?? ""
            guard usage != country else { continue }
            let stated = usage.isEmpty ? "no usage location, so it cannot match the number's country \(country)"
                : "usage location \(usage), which is not the number's country \(country)"
            findings.add(assignment.number, identity: assignment.identity,
                         "\(assignment.identity) has \(stated): Teams refuses \(Wording.withArticle(assignment.numberType.rawValue)) number outside its country",
                         fix: "set the usage location of \(assignment.identity) to \(country), or declare a number of \(usage.isEmpty ? "the user's country" : usage)",
                         declaredAt: assignment.declaredAt, live: account.origin)
        }
    }
}
