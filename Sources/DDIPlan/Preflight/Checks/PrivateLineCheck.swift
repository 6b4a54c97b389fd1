import DDIKit

/// PF007: private lines follow Teams' rules: users only, one per user, the primary's number type.
struct PrivateLineCheck: PreflightCheck {
    let id = "PF007"
    let title = "Private line rules"
    let defaultSeverity = Severity.error
    let rationale = """
    A private line (`category: private`, `-AssignmentCategory Private`) is a second, inbound-only \
    number of a user. Microsoft: users can be assigned one private line only; private lines must be \
    the same number type as the user's primary line and have the same licensing requirements; users \
    must be voice enabled. Private lines are for users: resource accounts, conference bridges and \
    policies do not take them.
    """
    let source = "https://learn.microsoft.com/microsoftteams/private-line"
    static let primary = PreflightHolding(number: "+12065551000", numberType: .directRouting, category: .primary)
    static let userID = PreflightSamples.user().objectID
    let examples: [PreflightExample] = [
        .valid("a Direct Routing private line beside a Direct Routing primary",
               PreflightContext(assignments: [PreflightSamples.assign(nil, to: PreflightSamples.user(), number: "+12065551001", type: .directRouting, category: .private)],
                                holdings: [Self.userID: [Self.primary, PreflightHolding(number: "+12065551001", numberType: .directRouting, category: .private)]])),
        .invalid("a Calling Plan private line beside a Direct Routing primary",
                 message: "is not the same number type as the primary line",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(), category: .private)],
                                  holdings: [Self.userID: [Self.primary, PreflightHolding(number: "+14025551234", numberType: .callingPlan, category: .private)]])),
        .invalid("a second private line",
                 message: "would hold 2 private lines",
                 PreflightContext(assignments: [PreflightSamples.assign(nil, to: PreflightSamples.user(), number: "+12065551002", type: .directRouting, category: .private)],
                                  holdings: [Self.userID: [Self.primary, PreflightHolding(number: "+12065551001", numberType: .directRouting, category: .private),
                                                           PreflightHolding(number: "+12065551002", numberType: .directRouting, category: .private)]])),
        .invalid("a private line for a resource account",
                 message: "private lines are for users only",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.directRoutingNumber, to: PreflightSamples.resourceAccount(), category: .private)])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for assignment in context.assignments where assignment.category == .private {
            guard assignment.target == .user else {
                findings.add(assignment.number, identity: assignment.identity,
                             "declared as a private line of \(assignment.identity), but private lines are for users only: Teams refuses -AssignmentCategory Private here",
                             fix: "declare the number without `category: private` (or `category: primary`)", declaredAt: assignment.declaredAt)
                continue
            }
            guard let objectID = assignment.account?.objectID else { continue }
            let held = context.holdings[objectID] ?? []
            let privates = held.filter { $0.category == .private }
            if privates.count > 1 {
                let others = privates.map(\.number).filter { $0 != assignment.number }.joined(separator: ", ")
                findings.add(assignment.number, identity: assignment.identity,
                             "\(assignment.identity) would hold \(privates.count) private lines (also \(others)): Teams allows one private line per user",
                             fix: "keep one private line for \(assignment.identity): release or re-categorise the others", declaredAt: assignment.declaredAt)
            }
            if let primary = held.first(where: { $0.category == .primary }), primary.numberType != assignment.numberType {
                findings.add(assignment.number, identity: assignment.identity,
                             "the private line \(assignment.number) (\(assignment.numberType.rawValue)) is not the same number type as the primary line \(primary.number) (\(primary.numberType.rawValue)) of \(assignment.identity)",
                             fix: "declare a \(primary.numberType.rawValue) number as the private line", declaredAt: assignment.declaredAt)
            }
        }
    }
}
