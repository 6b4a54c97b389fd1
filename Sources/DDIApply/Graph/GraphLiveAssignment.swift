import Foundation

/// A number's assignment as Graph reports it, reduced to what a step checks.
struct GraphLiveAssignment {
    /// nil: unassigned (or not in the tenant); empty: assigned with no target id.
    var holder: String?
    var location: String?
    var category: String?

    /// A field of the wrong type stops the step: read as a default ("unassigned") it would let
    /// an assign take a number somebody holds.
    init(_ record: [String: Any]?, number: String) throws(ApplyRefusal) {
        guard let record else { return }
        let status = try Self.text(record, "assignmentStatus", number: number)?.lowercased() ?? ""
        guard status != "unassigned" else { return }
        holder = try Self.text(record, "assignmentTargetId", number: number) ?? ""
        location = try Self.text(record, "locationId", number: number)?.lowercased()
        category = try Self.text(record, "assignmentCategory", number: number)?.lowercased()
    }

    /// nil when absent or JSON null; the text when a string; otherwise a refusal.
    static func text(_ record: [String: Any], _ field: String, number: String) throws(ApplyRefusal) -> String? {
        guard let value = record[field], !(value is NSNull) else { return nil }
        guard let text = value as? String else {
            throw ApplyRefusal("\(number): Graph returned \(field) as \(type(of: value)), not text; nothing was changed for this number")
        }
        return text
    }

    /// A cleared location reads as absent, null, empty or the all-zero GUID.
    func locationIsSet(for step: ApplyStep) -> Bool {
        if step.clearsLocation { return location == nil || location == "" || location == "00000000-0000-0000-0000-000000000000" }
        return step.locationID == nil || location == step.locationID?.lowercased()
    }
    func categoryIsSet(for step: ApplyStep) -> Bool { step.category == nil || category == step.category?.rawValue }
}
