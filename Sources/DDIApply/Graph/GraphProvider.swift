import DDIKit
import DDIPlan
import Foundation

/// `ddi apply --provider graph`: carries each step out through Microsoft Graph, now. Before each
/// call it reads the number's current assignment and checks it against the state the step expects
/// (`ApplyStep.liveCheck`): a step whose effect is already there is not sent again (a crash between
/// a call and its journal line), and a holder the plan did not expect stops the apply (the tenant
/// changed since the plan; the number is never taken from someone else). The journal, progress
/// and stopping at the first failure are the shared `JournaledRun`.
public struct GraphProvider: OnlineProvider {
    public static let name = "graph"
    public static let summary = "call Microsoft Graph"

    let client: GraphClient

    public init(client: GraphClient) {
        self.client = client
    }

    /// Credentials and base URLs from the environment only (README "Applying plans").
    public init(context: ApplyContext) throws(ApplyRefusal) {
        self.init(client: GraphClient(configuration: try GraphConfiguration.fromEnvironment(context.environment)))
    }

    /// numberAssignment in Graph v1.0 has no tags (its properties list none): the PowerShell
    /// provider sets them. https://learn.microsoft.com/en-us/graph/api/resources/teamsAdministration-numberAssignment?view=graph-rest-1.0
    public static func skipReason(for step: ApplyStep) -> SkipReason? {
        step.operation == .addTag || step.operation == .removeTag ? .tags : nil
    }

    public static func advice(for reason: SkipReason) -> String {
        switch reason {
        case .tags: "Graph v1.0 has no number tags; use --provider powershell for them"
        }
    }

    public func describe(_ error: any Error) -> String {
        (error as? GraphError)?.message ?? client.redactor.redact(String(describing: error))
    }

    public func carryOut(_ step: ApplyStep) throws -> StepOutcome {
        if let reason = Self.skipReason(for: step) { return .skipped(reason) }
        // The number goes into an OData $filter: only the E.164 shape is ever sent.
        guard ScriptValueShapes.isPhoneNumber(step.number) else {
            throw ApplyRefusal("\(TextEscaping.terminal(step.number)) is not a phone number (+digits, or +digits;ext=digits); nothing was sent")
        }
        let live = try GraphLiveAssignment(try client.numberAssignment(step.number), number: step.number)
        let attributesInPlace = live.locationIsSet(for: step) && live.categoryIsSet(for: step)
        switch step.liveCheck(holder: live.holder, attributesInPlace: attributesInPlace) {
        case .alreadyDone:
            return .alreadyDone
        case .changed(let found):
            throw TenantChanged(step.changedMessage(found: found))
        case .run:
            break
        }
        switch step.operation {
        case .assign:
            try client.performAction(GraphPaths.assignNumber, body: assignBody(step))
        case .unassign:
            try client.performAction(GraphPaths.unassignNumber, body: ["telephoneNumber": step.number, "numberType": Self.graphType(step.numberType)])
        case .update:
            if !live.locationIsSet(for: step), let locationID = step.locationID {
                try client.performAction(GraphPaths.updateNumber, body: ["telephoneNumber": step.number, "locationId": locationID])
            }
            if !live.categoryIsSet(for: step), step.category != nil {
                // updateNumber has no category: assigning again to the same target changes it.
                try client.performAction(GraphPaths.assignNumber, body: assignBody(step))
            }
        case .addTag, .removeTag:
            return .skipped(.tags)
        }
        return .done
    }

    private func assignBody(_ step: ApplyStep) -> [String: Any] {
        var body: [String: Any] = ["telephoneNumber": step.number, "assignmentTargetId": step.targetID, "numberType": Self.graphType(step.numberType)]
        if let category = step.category { body["assignmentCategory"] = category.rawValue }
        if let locationID = step.locationID { body["locationId"] = locationID }
        return body
    }

    static func graphType(_ source: NumberSource) -> String {
        switch source {
        case .directRouting: "directRouting"
        case .callingPlan: "callingPlan"
        case .operatorConnect: "operatorConnect"
        }
    }
}
