import Foundation

/// The plan as JSON (`schema/plan.schema.json`): what `--out` saves and `ddi apply` reads back.
/// Keys are sorted so that the same plan always gives the same bytes.
public enum PlanJSONRenderer {
    public static func render(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(plan) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func decode(_ data: Data) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: data)
    }
}
