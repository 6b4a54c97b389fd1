import DDIKit

/// The preflight findings of a plan grouped by check (README "Preflight checks"): for each check its ID, title and
/// severity, then each number with the identity, the place, what is wrong and the fix. The text and
/// markdown renderers call this; JSON carries the same fields on each finding (`check_id`,
/// `identity`, `fix`).
enum PlanPreflightRendering {
    struct Group {
        var checkID: String
        var title: String
        var findings: [PlanFinding]
    }

    static func groups(_ plan: Plan) -> [Group] {
        var byCheck: [String: [PlanFinding]] = [:]
        for finding in plan.findings where finding.kind == .preflight {
            byCheck[finding.checkID ?? "PF???", default: []].append(finding)
        }
        return byCheck.keys.sorted().map { id in
            Group(checkID: id, title: PreflightCatalog.check(id: id)?.title ?? "preflight check", findings: byCheck[id] ?? [])
        }
    }

    /// Lines for the terminal; the caller escapes them.
    static func textLines(_ plan: Plan) -> [String] {
        let groups = groups(plan)
        guard !groups.isEmpty else { return [] }
        var lines = ["", "Preflight checks (Teams' own rules, checked before apply; ddi explain PF...):"]
        for group in groups {
            lines.append("")
            lines.append("  \(group.checkID) \(group.title) (\(counts(group.findings)))")
            for finding in group.findings {
                let place = finding.declaredAt.map { "\($0.file):\($0.line)" } ?? finding.live.map { "\($0.file) record \($0.record)" } ?? ""
                let head = ["  ! \(finding.severity.rawValue.padding(7)) \(finding.number)", finding.identity ?? "", place]
                lines.append(head.filter { !$0.isEmpty }.joined(separator: "  "))
                lines.append("      \(finding.message)")
                if let fix = finding.fix { lines.append("      fix: \(fix)") }
            }
        }
        return lines
    }

    /// Lines for a pull-request comment.
    static func markdownLines(_ plan: Plan) -> [String] {
        let groups = groups(plan)
        guard !groups.isEmpty else { return [] }
        var lines = ["", "#### Preflight checks", ""]
        for group in groups {
            lines.append("<details open><summary><b>\(group.checkID) \(PlanMarkdownRenderer.cell(group.title))</b> (\(counts(group.findings)))</summary>")
            lines.append("")
            lines.append("| severity | number | identity | where | details | fix |")
            lines.append("|---|---|---|---|---|---|")
            for finding in group.findings {
                let place = finding.declaredAt.map { "`\(PlanMarkdownRenderer.code("\($0.file):\($0.line)"))`" }
                    ?? finding.live.map { "`\(PlanMarkdownRenderer.code($0.file))` record \($0.record)" } ?? ""
                let who = finding.identity.map { PlanMarkdownRenderer.cell($0) } ?? "–"
                lines.append("| \(finding.severity.rawValue) | `\(PlanMarkdownRenderer.code(finding.number))` | \(who) | \(place) | \(PlanMarkdownRenderer.cell(finding.message)) | \(PlanMarkdownRenderer.cell(finding.fix ?? "")) |")
            }
            lines.append("")
            lines.append("</details>")
        }
        return lines
    }

    private static func counts(_ findings: [PlanFinding]) -> String {
        Severity.allCases.reversed().compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }.joined(separator: ", ")
    }
}
