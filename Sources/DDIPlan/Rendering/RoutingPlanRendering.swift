import DDIKit

/// How the routing part of a plan reads (README "Routing"): `~ update call-queue cq-reception`, then one
/// line per field, before -> after in words (UPNs and routing ids, not object ids).
enum RoutingPlanRendering {
    static func textLines(_ routing: RoutingPlan) -> [String] {
        var lines: [String] = []
        let width = routing.actions.map(\.id.count).max() ?? 0
        let fieldWidth = routing.actions.flatMap(\.changes).map(\.field.rawValue.count).max() ?? 0
        for action in routing.actions {
            lines.append("")
            let place = "\(action.declaredAt.file):\(action.declaredAt.line)"
            lines.append("  ~ update   \(action.type.rawValue.padding(14)) \(action.id.padding(width))  # \(place)")
            for change in action.changes {
                lines.append("      ~ \((change.field.rawValue + ":").padding(fieldWidth + 1)) \(change.before.text) -> \(change.after.text)")
            }
        }
        return lines
    }

    static func markdownLines(_ routing: RoutingPlan) -> [String] {
        guard !routing.actions.isEmpty else { return [] }
        var rows = ["", "<details open><summary><b>🔁 Routing (\(routing.actions.count))</b></summary>", "",
                    "| routing | type | field | before | after | declared at |", "|---|---|---|---|---|---|"]
        for action in routing.actions {
            let place = "`\(TextEscaping.markdownCode("\(action.declaredAt.file):\(action.declaredAt.line)"))`"
            for change in action.changes {
                rows.append("| `\(TextEscaping.markdownCode(action.id))` | \(action.type.rawValue) | `\(change.field.rawValue)` | \(TextEscaping.markdownCell(change.before.text)) | \(TextEscaping.markdownCell(change.after.text)) | \(place) |")
            }
        }
        rows += ["", "</details>"]
        return rows
    }

    /// The summary's routing clause, empty when nothing routes differently.
    static func summaryClause(_ summary: PlanSummary) -> String {
        summary.routingUpdates == 0 ? "" : " \(summary.routingUpdates) routing to update."
    }
}
