/// What a plan does to one number in the tenant (README "`ddi plan`").
public enum PlanActionKind: String, Sendable, CaseIterable, Codable {
    case assign, update, reassign, unassign

    /// The Terraform-like marker that starts the action's line in text output.
    public var marker: String {
        switch self {
        case .assign: "+"
        case .update: "~"
        case .reassign: "±"
        case .unassign: "-"
        }
    }
}
