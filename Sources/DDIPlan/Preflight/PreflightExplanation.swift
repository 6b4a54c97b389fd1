import DDIKit

/// The text of `ddi explain PF...`: title, default severity, rationale, source and examples.
public struct PreflightExplanation: Sendable {
    public let check: any PreflightCheck

    public init(check: any PreflightCheck) { self.check = check }

    public var text: String {
        var lines = [
            "\(check.id): \(check.title) (preflight check, run by ddi plan)",
            "default severity: \(check.defaultSeverity.rawValue)",
            "",
            check.rationale,
            "",
            "Source: \(check.source)",
        ]
        for example in check.examples {
            lines.append("")
            switch example.outcome {
            case .passes: lines.append("Valid: \(example.summary)")
            case .fails: lines.append("Invalid: \(example.summary)")
            case .skipped(let lacking): lines.append("Not checked: \(example.summary) (the export lacks \(lacking))")
            }
            lines += example.context.describedLines.map { "  " + $0 }
        }
        lines.append("")
        lines.append("A check whose input the export lacks says so once, as an info finding. Change the severity in ddi.yaml: rules: { \(check.id): error | warning | info | off }")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension PreflightContext {
    /// The situation in words, for `ddi explain`.
    var describedLines: [String] {
        var lines: [String] = []
        for assignment in assignments {
            var text = "plan: \(assignment.changesHolder ? "assign" : "update") \(assignment.number) (\(assignment.numberType.rawValue)"
            if let capabilities = assignment.live?.capabilities { text += ", capabilities \(capabilities.map(\.rawValue).joined(separator: ", "))" }
            if let country = assignment.live?.country { text += ", country \(country)" }
            text += ") to \(assignment.target.rawValue) \(assignment.identity)"
            if assignment.category != .primary { text += " as \(assignment.category.rawValue)" }
            if let location = assignment.locationID { text += ", location \(location)" }
            lines.append(text)
            if let account = assignment.account { lines.append("  directory: " + Self.describe(account)) }
        }
        for release in releases {
            lines.append("plan: unassign \(release.number) from \(release.identity)")
        }
        for (objectID, held) in holdings.sorted(by: { $0.key < $1.key }) {
            let list = held.map { "\($0.number) (\($0.numberType.rawValue), \($0.category.rawValue))" }.joined(separator: ", ")
            lines.append("afterwards \(objectID) holds: \(list.isEmpty ? "nothing" : list)")
        }
        if let locations {
            for location in locations.values.sorted(by: { $0.locationID < $1.locationID }) {
                lines.append("LIS export: location \(location.locationID) \(location.description ?? "") (ValidationStatus \(location.validationStatus ?? "not exported"))")
            }
        }
        return lines
    }

    private static func describe(_ account: DirectoryAccount) -> String {
        var parts: [String] = []
        func reported(_ property: DirectoryProperty, _ text: @autoclosure () -> String) {
            parts.append(account.reported.contains(property) ? text() : "\(property.rawValue) not exported")
        }
        reported(.usageLocation, "usage location \(account.usageLocation ?? "none")")
        reported(.licences, "service plans \((account.servicePlans ?? []).joined(separator: ", ").isEmpty ? "none" : (account.servicePlans ?? []).joined(separator: ", "))")
        reported(.voiceRoutingPolicy, "voice routing policy \(account.voiceRoutingPolicy ?? "none")")
        return parts.joined(separator: "; ")
    }
}
