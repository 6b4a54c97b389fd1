import DDIKit

/// PF008: a user whose last number the plan takes loses Enterprise Voice, and is told so.
struct EnterpriseVoiceLossCheck: PreflightCheck {
    let id = "PF008"
    let title = "Enterprise Voice lost with the last number"
    let defaultSeverity = Severity.info
    let rationale = """
    Microsoft: "Unassigning a phone number from a user or resource account automatically sets \
    EnterpriseVoiceEnabled to False." A user who keeps calling without a number of their own (through \
    a shared line, a call queue, or Teams Phone features such as delegation) then loses them. ddi says \
    so for each enabled user whose last number the plan takes, so that someone decides; disabled \
    accounts (offboarding) and users already without Enterprise Voice are not reported.
    """
    let source = "https://learn.microsoft.com/powershell/module/microsoftteams/remove-csphonenumberassignment"
    static let user = PreflightSamples.user()
    let examples: [PreflightExample] = [
        .valid("the user keeps a private line",
               PreflightContext(releases: [PreflightRelease(number: "+12065551000", identity: Self.user.upn, objectID: Self.user.objectID, account: Self.user)],
                                holdings: [Self.user.objectID: [PreflightHolding(number: "+12065551001", numberType: .directRouting, category: .private)]])),
        .invalid("the plan unassigns the user's only number",
                 message: "loses their last number, and with it Enterprise Voice",
                 PreflightContext(releases: [PreflightRelease(number: "+12065551000", identity: Self.user.upn, objectID: Self.user.objectID, account: Self.user)])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        var told = Set<String>()
        for release in context.releases {
            guard let account = release.account, account.isUser, account.enabled != false else { continue }
            if account.reported.contains(.enterpriseVoiceEnabled), account.enterpriseVoiceEnabled == false { continue }
            guard (context.holdings[release.objectID] ?? []).isEmpty, told.insert(release.objectID).inserted else { continue }
            findings.add(release.number, identity: release.identity,
                         "\(release.identity) loses their last number, and with it Enterprise Voice: Teams sets EnterpriseVoiceEnabled to False on unassign",
                         fix: "tell \(release.identity); if they still need Teams Phone features, run Set-CsPhoneNumberAssignment -Identity \(release.identity) -EnterpriseVoiceEnabled $true after apply",
                         declaredAt: release.declaredAt, live: account.origin)
        }
    }
}
