import DDIKit

/// PF001: the number's capabilities allow the kind of identity it goes to (issue 11 item 4).
struct CapabilityCheck: PreflightCheck {
    let id = "PF001"
    let title = "Number capability allows the target"
    let defaultSeverity = Severity.error
    let rationale = """
    Teams gives every number capabilities (`Capability` / `capabilities`: UserAssignment, \
    VoiceApplicationAssignment, ConferenceAssignment, TeamsPhoneMobile) and refuses to assign it to \
    a kind of identity its capabilities do not name: a user number cannot go to an auto attendant, a \
    service number for conferencing cannot go to a person. Found in the plan, it is a review comment; \
    found during apply, it is an opaque error halfway through a bulk change. The usage of an unassigned \
    Calling Plan number can be changed in the Teams admin center (Voice > Phone numbers > Change usage).
    """
    let source = "https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment"
    let examples: [PreflightExample] = [
        .valid("a Direct Routing number with every capability goes to a resource account",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.resourceAccount())])),
        .invalid("a Calling Plan user number (Capability {UserAssignment}) planned for an auto attendant's resource account",
                 message: "capabilities UserAssignment do not allow a resource account (needs VoiceApplicationAssignment)",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.resourceAccount())])),
        .skipped("the number export has no Capability column",
                 lacking: "the numbers' Capability",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumberWithoutCapabilities, to: PreflightSamples.user())])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for assignment in context.assignments where assignment.changesHolder {
            guard let live = assignment.live, let needed = Self.capability(for: assignment.target) else { continue }
            guard let capabilities = live.capabilities else {
                findings.skip(assignment.number, lacking: "the numbers' Capability", declaredAt: assignment.declaredAt)
                continue
            }
            guard !capabilities.contains(needed) else { continue }
            let have = capabilities.isEmpty ? "none" : capabilities.map(\.rawValue).joined(separator: ", ")
            findings.add(assignment.number, identity: assignment.identity,
                         "capabilities \(have) do not allow \(Self.noun(assignment.target)) (needs \(needed.rawValue)): Teams refuses this assignment",
                         fix: "declare a number whose capabilities include \(needed.rawValue), or change the number's usage in the Teams admin center first",
                         declaredAt: assignment.declaredAt, live: live.origin)
        }
    }

    /// Policy targets (shared calling) name no capability in the documentation: not checked.
    static func capability(for target: IdentityKind) -> NumberCapability? {
        switch target {
        case .user: .userAssignment
        case .resourceAccount: .voiceApplicationAssignment
        case .conferenceBridge: .conferenceAssignment
        case .policy: nil
        }
    }

    static func noun(_ target: IdentityKind) -> String {
        switch target {
        case .user: "a user"
        case .resourceAccount: "a resource account"
        case .conferenceBridge: "the conference bridge"
        case .policy: "a policy"
        }
    }
}
