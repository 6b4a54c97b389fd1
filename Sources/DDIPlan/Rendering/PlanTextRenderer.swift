import DDIKit

/// The plan for a terminal, in the manner of `terraform plan`: one line per action or finding with
/// its marker (`+ assign`, `~ update`, `± reassign`, `- unassign`, `! finding`) and the declaring
/// `file:line`, then the attributes that change, then a one-line summary.
public enum PlanTextRenderer {
    public static func render(_ plan: Plan) -> String {
        var out: [String] = []
        out.append("ddi plan" + (plan.tenant.map { " for \($0)" } ?? ""))
        out += inputLines(plan.inputs)
        out.append("")
        if !plan.hasChanges {
            out.append("No changes. The tenant matches the declared state.")
        } else {
            out.append("ddi will perform the following actions:")
            let width = plan.actions.map(\.number.count).max() ?? 0
            for action in plan.actions {
                out.append("")
                out += lines(for: action, numberWidth: width)
            }
            out += RoutingPlanRendering.textLines(plan.routing)
        }
        // Preflight findings are grouped by check below (PlanPreflightRendering).
        let findings = plan.findings.filter { $0.kind != .preflight }
        if !findings.isEmpty {
            out.append("")
            out.append("Findings (ddi does not change these):")
            out.append("")
            let kindWidth = findings.map(\.kind.rawValue.count).max() ?? 0
            let numberWidth = findings.map(\.number.count).max() ?? 0
            for finding in findings {
                let severity = finding.severity.rawValue.padding(7)
                let place = finding.declaredAt.map { "\($0.file):\($0.line)" } ?? finding.live.map { "\($0.file) record \($0.record)" } ?? ""
                out.append("  ! \(severity) \(finding.kind.rawValue.padding(kindWidth))  \(finding.number.padding(numberWidth))  \(place)".trimmingTrailingSpaces())
                out.append("      \(finding.message)")
            }
        }
        out += PlanPreflightRendering.textLines(plan)
        out.append("")
        out.append(summaryLine(plan.summary))
        // Every line carries inventory or snapshot text: escaped line by line, a value cannot start a
        // line of its own (a forged `::error`) nor restyle the terminal.
        return out.map(TextEscaping.terminal).joined(separator: "\n") + "\n"
    }

    public static func summaryLine(_ summary: PlanSummary) -> String {
        var text = "Plan: \(summary.assign) to assign, \(summary.update) to update, \(summary.reassign) to reassign, \(summary.unassign) to unassign."
        text += RoutingPlanRendering.summaryClause(summary)
        text += " Findings: \(Wording.counted(summary.errors, "error")), \(Wording.counted(summary.warnings, "warning")), \(summary.infos) info."
        return text
    }

    static func inputLines(_ inputs: PlanInputs) -> [String] {
        let declared = inputs.declared
        var first = "  declared: \(declared.files) file\(declared.files == 1 ? "" : "s"), \(declared.contentSHA256.abbreviatedDigest)"
        first += declared.commit.map { ", commit \($0.prefix(12))" } ?? ", not a clean commit"
        var lines = [first]
        for (index, file) in inputs.live.enumerated() {
            let label = index == 0 ? "  live:     " : "            "
            lines.append("\(label)\(file.path) (\(file.format.rawValue), \(file.records) record\(file.records == 1 ? "" : "s"), \(file.sha256.abbreviatedDigest))")
        }
        if inputs.live.isEmpty { lines.append("  live:     (no files)") }
        return lines
    }

    static func lines(for action: PlanAction, numberWidth: Int) -> [String] {
        let place = "\(action.declaredAt.file):\(action.declaredAt.line)"
        let head = "  \(action.kind.marker) \(action.kind.rawValue.padding(8)) \(action.number.padding(numberWidth))"
        var lines: [String] = []
        switch action.kind {
        case .assign:
            lines.append("\(head)  to \(target(action.target))  # \(place)")
            lines.append("      + assigned_to: \(action.target.display)\(objectID(action.target))")
            lines.append("      + number_type: \(action.numberType.rawValue)")
            if action.target.kind != .conferenceBridge { lines.append("      + category:    \(action.category?.rawValue ?? "primary")") }
            if let location = action.locationID {
                lines.append("      + location_id: \(located(location, action.locationDescription))")
            } else if action.changes.contains(.locationID) {
                lines.append("      - location_id: \(located(action.before?.locationID, action.before?.locationDescription)) (removed)")
            }
            if !action.tags.isEmpty { lines.append("      + tags:        \(list(action.tags))") }
            if action.before == nil { lines.append("      (not in the tenant yet: a Direct Routing number appears when assigned)") }
        case .update:
            lines.append("\(head)  \(target(action.target))  # \(place)")
            lines += changeLines(action)
        case .reassign:
            let from = action.before?.assignedTo ?? action.before?.objectID.map { "object id \($0)" } ?? "?"
            lines.append("\(head)  from \(from) to \(target(action.target))  # \(place)")
            lines.append("      ~ assigned_to: \(from) -> \(action.target.display)\(objectID(action.target))")
            // The holder's line is above; `changeLines` writes the other changes.
            lines += changeLines(action)
        case .unassign:
            lines.append("\(head)  from \(target(action.target))  # \(place)")
            lines.append("      - assigned_to: \(action.target.display) (declared \(action.declaredStatus.rawValue))")
            if let days = action.assignmentBlockDays {
                lines.append("      + assignment block: \(days) day\(days == 1 ? "" : "s") (the rest of the quarantine: Teams refuses to assign the number until then)")
            }
        }
        return lines
    }

    private static func changeLines(_ action: PlanAction) -> [String] {
        var lines: [String] = []
        let before = action.before, after = action.after
        for change in action.changes {
            switch change {
            case .category:
                lines.append("      ~ category:    \(before?.category?.rawValue ?? "none") -> \(after.category?.rawValue ?? "none")")
                lines.append("        (\(categoryChangeNote))")
            case .locationID:
                lines.append("      ~ location_id: \(located(before?.locationID, before?.locationDescription)) -> \(located(after.locationID, after.locationDescription))")
            case .tags:
                lines.append("      ~ tags:        \(list(before?.tags ?? [])) -> \(list(after.tags ?? []))")
            case .assignedTo:
                break
            }
        }
        return lines
    }

    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// Teams documents `-AssignmentCategory` only in the parameter set that assigns a number
    /// (https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignment), not
    /// as a change to a number already assigned: the plan says how the change is carried out.
    static let categoryChangeNote = "Teams documents -AssignmentCategory only when a number is assigned: the category changes by unassigning the number and assigning it again, and calls to it fail in between"

    /// The holder, with its kind when it is not a user.
    static func target(_ target: PlanTarget) -> String {
        switch target.kind {
        case .user: target.display
        case .resourceAccount: "\(target.display) (resource account)"
        case .conferenceBridge: "\(target.display) (audio conferencing bridge)"
        case .policy: "\(target.display) (policy)"
        }
    }

    private static func objectID(_ target: PlanTarget) -> String {
        target.objectID.isEmpty || target.objectID == target.upn ? "" : " (object id \(target.objectID))"
    }

    /// A location id with its description from the LIS export, or `none`.
    static func located(_ id: String?, _ description: String?) -> String {
        guard let id else { return "none" }
        return description.map { "\(id) (\($0))" } ?? id
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// `sha256:` and the first 12 hex digits: enough to tell inputs apart at a glance.
    var abbreviatedDigest: String {
        guard hasPrefix("sha256:") else { return self }
        return String(prefix(7 + 12))
    }
}
