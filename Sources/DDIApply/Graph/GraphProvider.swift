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

    /// unassignNumber takes `telephoneNumber` and `numberType` only: no assignment block.
    /// https://learn.microsoft.com/graph/api/teamsadministration-numberassignment-unassignnumber?view=graph-rest-1.0
    public static func partialSkipReason(for step: ApplyStep) -> SkipReason? {
        step.operation == .unassign && step.assignmentBlockDays != nil ? .assignmentBlock : nil
    }

    public static func advice(for reason: SkipReason) -> String {
        switch reason {
        case .tags: "Graph v1.0 has no number tags; use --provider powershell for them"
        case .assignmentBlock:
            "Graph v1.0's unassignNumber has no assignment block; block the numbers with Set-CsPhoneNumberAssignmentBlock, or use --provider powershell"
        }
    }

    /// Steps Graph v1.0 documents no call for are refused before anything is sent (README "What ddi apply sends to Teams").
    /// assignNumber assigns "to a user account" (`assignmentTargetId`: "The ID associated with User
    /// account"); unassignNumber unassigns "from a user or resource account" (numberAssignment's
    /// methods); no call registers a conference service number.
    /// https://learn.microsoft.com/graph/api/teamsadministration-numberassignment-assignnumber?view=graph-rest-1.0
    public static func check(_ step: ApplyStep) throws(ApplyRefusal) {
        let number = TextEscaping.terminal(step.number)
        switch (step.operation, step.targetKind) {
        case (.assign, .conferenceBridge), (.unassign, .conferenceBridge):
            throw ApplyRefusal("\(number): Graph v1.0 documents no call for conference-bridge numbers; nothing was sent. "
                + "Use --provider powershell (Register-/Unregister-CsOnlineDialInConferencingServiceNumber)")
        case (.assign, .resourceAccount):
            throw ApplyRefusal("\(number): Graph v1.0 documents assignNumber for user accounts only, not resource accounts; nothing was sent. "
                + "Use --provider powershell (Set-CsPhoneNumberAssignment)")
        default:
            return
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
        let attributesInPlace = step.changesCategory && step.operation == .unassign
            ? live.categoryIsSet(for: step) : live.locationIsSet(for: step) && live.categoryIsSet(for: step)
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
            // "Passing an empty string clears the locationId":
            // https://learn.microsoft.com/graph/api/teamsadministration-numberassignment-updatenumber?view=graph-rest-1.0
            try client.performAction(GraphPaths.updateNumber, body: ["telephoneNumber": step.number, "locationId": step.locationID ?? ""])
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
