import DDIKit

/// PF006: a Direct Routing user or resource account has an online voice routing policy.
struct VoiceRoutingPolicyCheck: PreflightCheck {
    let id = "PF006"
    let title = "Voice routing policy for Direct Routing"
    let defaultSeverity = Severity.warning
    let rationale = """
    Direct Routing calls leave Teams through the PSTN usages of an online voice routing policy. An \
    identity without a per-user policy (`OnlineVoiceRoutingPolicy` empty) falls back to the Global \
    policy, which in many tenants has no PSTN usage: the number rings in, but outbound calls fail. \
    A warning, because the Global policy may be the intended one.
    """
    let source = "https://learn.microsoft.com/powershell/module/microsoftteams/grant-csonlinevoiceroutingpolicy"
    let examples: [PreflightExample] = [
        .valid("+12065551000 (DirectRouting) to a user with policy RedmondOnlineVoiceRoutingPolicy",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.user(voiceRoutingPolicy: "RedmondOnlineVoiceRoutingPolicy"))])),
        .invalid("+12065551000 (DirectRouting) to a user with no OnlineVoiceRoutingPolicy",
                 message: "has no online voice routing policy",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.user())])),
        .skipped("the users export has no OnlineVoiceRoutingPolicy column",
                 lacking: "the accounts' OnlineVoiceRoutingPolicy",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.user(reported: [.licences]))])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for assignment in context.assignments where assignment.changesHolder && assignment.numberType == .directRouting {
            guard assignment.target == .user || assignment.target == .resourceAccount, let account = assignment.account else { continue }
            guard account.reported.contains(.voiceRoutingPolicy) else {
                findings.skip(assignment.number, lacking: "the accounts' OnlineVoiceRoutingPolicy", declaredAt: assignment.declaredAt)
                continue
            }
            if let policy = account.voiceRoutingPolicy, !policy.allSatisfy(\.isWhitespace) { continue }
            findings.add(assignment.number, identity: assignment.identity,
                         "\(assignment.identity) has no online voice routing policy: Direct Routing calls use the Global policy, and fail if it has no PSTN usage",
                         fix: "Grant-CsOnlineVoiceRoutingPolicy -Identity \(assignment.identity) -PolicyName <policy>, or confirm the Global policy routes its calls",
                         declaredAt: assignment.declaredAt, live: account.origin)
        }
    }
}
