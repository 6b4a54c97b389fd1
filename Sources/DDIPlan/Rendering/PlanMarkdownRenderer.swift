import DDIKit

/// The plan as a pull-request comment: a summary table, the actions grouped by kind (each group
/// collapsible), the findings, and the inputs the plan was computed from.
public enum PlanMarkdownRenderer {
    public static func render(_ plan: Plan) -> String {
        var out: [String] = []
        let summary = plan.summary
        out.append("### ddi plan" + (plan.tenant.map { ": `\(code($0))`" } ?? ""))
        out.append("")
        if !plan.hasChanges {
            out.append("**No changes.** The tenant matches the declared state.")
        } else {
            out.append("**\(summary.changes) change\(summary.changes == 1 ? "" : "s")** to the tenant.")
        }
        if summary.errors > 0 {
            out.append("")
            out.append("> [!CAUTION]")
            // True for every way to apply it: ApplyGate refuses any plan whose current plan has an
            // error finding, and a saved plan whose error count differs from now's is stale.
            out.append("> \(summary.errors) finding\(summary.errors == 1 ? "" : "s") with severity error: `ddi apply` will not run this plan.")
        }
        out.append("")
        out.append("| | count |")
        out.append("|---|---:|")
        for kind in PlanActionKind.allCases {
            out.append("| `\(kind.marker)` \(kind.rawValue) | \(summary.count(kind)) |")
        }
        out.append("| ❌ errors | \(summary.errors) |")
        out.append("| ⚠️ warnings | \(summary.warnings) |")
        out.append("| ℹ️ info | \(summary.infos) |")

        for kind in PlanActionKind.allCases {
            let actions = plan.actions.filter { $0.kind == kind }
            guard !actions.isEmpty else { continue }
            out.append("")
            out.append("<details open><summary><b>\(title(kind)) (\(actions.count))</b></summary>")
            out.append("")
            out += table(for: kind, actions)
            out.append("")
            out.append("</details>")
        }
        out += RoutingPlanRendering.markdownLines(plan.routing)

        // Preflight findings are grouped by check below (PlanPreflightRendering).
        let findings = plan.findings.filter { $0.kind != .preflight }
        if !findings.isEmpty {
            out.append("")
            out.append("#### Findings")
            out.append("")
            out.append("| severity | finding | number | where | details |")
            out.append("|---|---|---|---|---|")
            for finding in findings {
                let place = finding.declaredAt.map { "`\(code("\($0.file):\($0.line)"))`" }
                    ?? finding.live.map { "`\(code($0.file))` record \($0.record)" } ?? ""
                let number = finding.number.isEmpty ? "–" : "`\(code(finding.number))`"
                out.append("| \(icon(finding.severity)) \(finding.severity.rawValue) | `\(finding.kind.rawValue)` | \(number) | \(place) | \(cell(finding.message)) |")
            }
        }

        out += PlanPreflightRendering.markdownLines(plan)

        out.append("")
        out.append("<details><summary>Inputs</summary>")
        out.append("")
        let declared = plan.inputs.declared
        out.append("- declared: \(declared.files) files, `\(declared.contentSHA256)`" + (declared.commit.map { ", commit `\(code($0))`" } ?? ", not a clean commit"))
        for file in plan.inputs.live {
            out.append("- live: `\(code(file.path))` (\(file.format.rawValue), \(file.records) records), `\(file.sha256)`")
        }
        out.append("")
        out.append("</details>")
        out.append("")
        out.append(PlanTextRenderer.summaryLine(summary))
        return out.joined(separator: "\n") + "\n"
    }

    private static func title(_ kind: PlanActionKind) -> String {
        switch kind {
        case .assign: "➕ Assign"
        case .update: "🔄 Update"
        case .reassign: "🔀 Reassign"
        case .unassign: "➖ Unassign"
        }
    }

    private static func table(for kind: PlanActionKind, _ actions: [PlanAction]) -> [String] {
        var rows: [String]
        switch kind {
        case .assign:
            rows = ["| number | to | type | category | location | tags | declared at |", "|---|---|---|---|---|---|---|"]
            for action in actions {
                let location = action.changes.contains(.locationID) && action.locationID == nil
                    ? "removed (was \(location(action.before?.locationID, action.before?.locationDescription)))"
                    : location(action.locationID, action.locationDescription)
                let category = action.target.kind == .conferenceBridge ? "–" : action.category?.rawValue ?? "primary"
                rows.append("| `\(code(action.number))` | \(holder(action.target)) | \(action.numberType.rawValue) | \(category) | \(location) | \(tags(action.tags)) | \(place(action)) |")
            }
        case .update:
            rows = ["| number | holder | change | declared at |", "|---|---|---|---|"]
            for action in actions {
                rows.append("| `\(code(action.number))` | \(holder(action.target)) | \(changes(action)) | \(place(action)) |")
            }
        case .reassign:
            rows = ["| number | from | to | declared at |", "|---|---|---|---|"]
            for action in actions {
                let from = action.before?.assignedTo ?? action.before?.objectID ?? "?"
                var to = holder(action.target)
                let more = changes(action)
                if !more.isEmpty { to += "<br>" + more }
                rows.append("| `\(code(action.number))` | \(cell(from)) | \(to) | \(place(action)) |")
            }
        case .unassign:
            rows = ["| number | from | declared | assignment block | declared at |", "|---|---|---|---|---|"]
            for action in actions {
                let block = action.assignmentBlockDays.map { "\($0) day\($0 == 1 ? "" : "s")" } ?? "–"
                rows.append("| `\(code(action.number))` | \(holder(action.target)) | \(action.declaredStatus.rawValue) | \(block) | \(place(action)) |")
            }
        }
        return rows
    }

    private static func changes(_ action: PlanAction) -> String {
        action.changes.compactMap { change -> String? in
            switch change {
            case .category:
                "category \(action.before?.category?.rawValue ?? "none") → \(action.after.category?.rawValue ?? "none") (\(cell(PlanTextRenderer.categoryChangeNote)))"
            case .locationID:
                "location \(location(action.before?.locationID, action.before?.locationDescription)) → \(location(action.after.locationID, action.after.locationDescription))"
            case .tags: "tags \(tags(action.before?.tags ?? [])) → \(tags(action.after.tags ?? []))"
            case .assignedTo: nil
            }
        }.joined(separator: "<br>")
    }

    private static func place(_ action: PlanAction) -> String { "`\(code("\(action.declaredAt.file):\(action.declaredAt.line)"))`" }

    private static func location(_ id: String?, _ description: String?) -> String {
        guard let id else { return "–" }
        return "`\(code(id))`" + (description.map { " (\(cell($0)))" } ?? "")
    }

    private static func holder(_ target: PlanTarget) -> String { cell(PlanTextRenderer.target(target)) }

    private static func tags(_ items: [String]) -> String { items.isEmpty ? "–" : items.map { "`\(code($0))`" }.joined(separator: " ") }

    private static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: "❌"
        case .warning: "⚠️"
        case .info: "ℹ️"
        }
    }

    static func cell(_ text: String) -> String { TextEscaping.markdownCell(text) }

    static func code(_ text: String) -> String { TextEscaping.markdownCode(text) }
}
