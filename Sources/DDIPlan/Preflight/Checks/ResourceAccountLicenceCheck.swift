import DDIKit

/// PF004: a resource account that is given a number has the Teams Phone Resource Account licence.
struct ResourceAccountLicenceCheck: PreflightCheck {
    let id = "PF004"
    let title = "Resource-account licence for a resource account"
    let defaultSeverity = Severity.error
    let rationale = """
    An auto attendant's or call queue's resource account needs the free Microsoft Teams Phone \
    Resource Account licence (service plan `MCOEV_VIRTUALUSER`, product `PHONESYSTEM_VIRTUALUSER`) \
    before a phone number can be assigned to it; a Teams Phone Standard licence also serves. \
    Without one, the number cannot be assigned and the attendant or queue cannot be called.
    """
    let source = "https://learn.microsoft.com/microsoftteams/manage-resource-accounts"
    let examples: [PreflightExample] = [
        .valid("aa1@contoso.com has MCOEV_VIRTUALUSER",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.resourceAccount())])),
        .invalid("aa1@contoso.com has no licence",
                 message: "has no Teams Phone Resource Account licence (service plan MCOEV_VIRTUALUSER)",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.resourceAccount(servicePlans: []))])),
        .skipped("the resource accounts export has no licence column",
                 lacking: "the accounts' licences (service plans)",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.resourceAccount(servicePlans: nil, reported: [.accountType]))])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for (assignment, account) in Licences.unlicensed(context, to: .resourceAccount, &findings, licensed: ServicePlans.hasResourceAccountLicence) {
            findings.add(assignment.number, identity: assignment.identity,
                         "\(assignment.identity) has no Teams Phone Resource Account licence (service plan MCOEV_VIRTUALUSER): the number cannot be assigned to it",
                         fix: "assign the Microsoft Teams Phone Resource Account licence to \(assignment.identity) before applying",
                         declaredAt: assignment.declaredAt, live: account.origin)
        }
    }
}
