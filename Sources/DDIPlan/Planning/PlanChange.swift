/// A field of a number's assignment that a plan action sets (`changes` in the plan JSON, README "Output").
/// The raw values are the plan document's strings.
public enum PlanChange: String, Sendable, CaseIterable, Codable {
    /// Who holds the number: every assign, reassign and unassign, never an update.
    case assignedTo = "assigned_to"
    case category
    case locationID = "location_id"
    case tags
}
