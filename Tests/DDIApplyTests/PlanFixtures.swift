import DDIKit
import DDIPlan

enum PlanFixtures {
    static func action(_ kind: PlanActionKind, _ number: String, target: String = "00000000-0000-4000-8000-000000000001",
                       upn: String? = "anna@contoso.com", location: String? = nil, tags: [String] = [], before: AssignmentState? = nil,
                       changes: [PlanChange] = [.assignedTo]) -> PlanAction {
        PlanAction(kind: kind, number: number, numberType: .operatorConnect, target: PlanTarget(upn: upn, objectID: target),
                   category: .primary, locationID: location, tags: tags, changes: changes, before: before,
                   after: AssignmentState(status: "user-assigned", assignedTo: upn, objectID: target),
                   declaredAt: SourceLocation(file: "sites/a.yaml", line: 3, column: 5), declaredStatus: .assigned,
                   numberKind: .user, rangeID: "cph")
    }

    static func plan(_ actions: [PlanAction], liveAssigned: Int = 100, digest: String = "sha256:" + String(repeating: "a", count: 64)) -> Plan {
        var summary = PlanSummary()
        for action in actions {
            switch action.kind {
            case .assign: summary.assign += 1
            case .update: summary.update += 1
            case .reassign: summary.reassign += 1
            case .unassign: summary.unassign += 1
            }
        }
        summary.liveAssigned = liveAssigned
        return Plan(tenant: "contoso.onmicrosoft.com",
                    inputs: PlanInputs(declared: .init(contentSHA256: digest, files: 2), live: []),
                    actions: actions, findings: [], summary: summary)
    }
}
