import Foundation

/// The plan as JSON (`schema/plan.schema.json`), through its document type `PlanDocument`: what
/// `--format json` prints. `SavedPlanDocument` is what `--out` saves and `ddi apply` reads back.
public enum PlanJSONRenderer {
    /// The canonical JSON of the plan. Encoding a plan document cannot fail (strings, integers
    /// and lists of them); `encode` is the throwing form for callers that report failures.
    public static func render(_ plan: Plan) -> String {
        (try? encode(plan)) ?? "{}\n"
    }

    public static func encode(_ plan: Plan) throws -> String {
        try PlanDocument(plan).canonicalJSON()
    }

    /// A plan document (saved or printed) back into a plan.
    public static func decode(_ data: Data) throws -> Plan {
        try JSONDecoder().decode(PlanDocument.self, from: data).plan
    }

    /// The plan as `--out` saves it. Prefer `SavedPlanDocument(plan).encoded()`, which throws.
    public static func renderSaved(_ plan: Plan) -> String {
        guard let data = try? SavedPlanDocument(plan).encoded() else { return render(plan) }
        return String(decoding: data, as: UTF8.self)
    }
}
