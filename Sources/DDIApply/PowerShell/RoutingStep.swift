import DDIKit
import DDIPlan

/// One routing call to the tenant, made from a plan's routing action (README "Applying routing changes"): associate a
/// resource account, set a call queue's agents / overflow / timeout, or change an auto attendant's
/// business-hours or after-hours call target. Each carries the live value it expects before (the
/// plan's `before`) and the one it sets, so that a script run twice skips what is done and stops
/// on a tenant that changed.
public struct RoutingStep: Sendable, Equatable {
    public enum Operation: Sendable, Equatable {
        /// `New-CsOnlineApplicationInstanceAssociation`.
        case associate(resourceAccountID: String)
        /// `Set-CsCallQueue` with the changed fields only.
        case setCallQueue([RoutingChange])
        /// `Get-CsAutoAttendant` -> `New-CsAutoAttendantCallableEntity` -> `Set-CsAutoAttendant -Instance`.
        case setAutoAttendantTarget(RoutingChange)
    }

    public var routingID: String
    public var type: RoutingType
    public var configurationID: String
    public var operation: Operation

    public var summary: String {
        switch operation {
        case .associate: "associate the resource account of \(routingID)"
        case .setCallQueue(let changes): "update call queue \(routingID): " + changes.map(\.field.rawValue).joined(separator: ", ")
        case .setAutoAttendantTarget(let change): "update auto attendant \(routingID): \(change.field.rawValue)"
        }
    }
}

public enum RoutingSteps {
    /// The steps of every routing action, in plan order: the association first (a queue must own
    /// its resource account before calls reach it), then the fields.
    public static func steps(for plan: Plan) -> [RoutingStep] {
        var steps: [RoutingStep] = []
        for action in plan.routing.actions {
            func step(_ operation: RoutingStep.Operation) -> RoutingStep {
                RoutingStep(routingID: action.id, type: action.type, configurationID: action.configurationID, operation: operation)
            }
            for change in action.changes where change.field == .resourceAccount {
                if let id = change.after.ids.first { steps.append(step(.associate(resourceAccountID: id))) }
            }
            let fields = action.changes.filter { $0.field != .resourceAccount }
            switch action.type {
            case .callQueue:
                if !fields.isEmpty { steps.append(step(.setCallQueue(fields))) }
            case .autoAttendant:
                steps += fields.map { step(.setAutoAttendantTarget($0)) }
            }
        }
        return steps
    }
}
