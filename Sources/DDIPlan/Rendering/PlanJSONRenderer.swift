import DDIKit
import Foundation

/// The plan as JSON (`schema/plan.schema.json`), through its document type `PlanDocument`: what
/// `--format json` prints. `SavedPlanDocument` is what `--out` saves and `ddi apply` reads back.
public enum PlanJSONRenderer {
    /// The canonical JSON of the plan; a failure to encode is an error, never a stand-in.
    public static func render(_ plan: Plan) throws(OutputError) -> String {
        do {
            return try encode(plan)
        } catch {
            throw OutputError("cannot encode the plan as JSON: \(TextEscaping.terminal(String(describing: error)))")
        }
    }

    public static func encode(_ plan: Plan) throws -> String {
        try PlanDocument(plan).canonicalJSON()
    }

    /// A plan document (saved or printed) back into a plan.
    public static func decode(_ data: Data) throws -> Plan {
        try JSONDecoder().decode(PlanDocument.self, from: data).plan
    }

    /// The plan as `--out` saves it (`SavedPlanDocument`), as text.
    public static func renderSaved(_ plan: Plan) throws(OutputError) -> String {
        do {
            return String(decoding: try SavedPlanDocument(plan).encoded(), as: UTF8.self)
        } catch {
            throw OutputError("cannot encode the saved plan: \(TextEscaping.terminal(String(describing: error)))")
        }
    }
}
