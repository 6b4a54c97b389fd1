/// The outcome of validating an inventory: diagnostics in presentation order.
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var fileCount: Int

    public func count(_ severity: Severity) -> Int { diagnostics.lazy.filter { $0.severity == severity }.count }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }

    /// README "Validation": 0 clean (warnings allowed), 1 errors, or warnings with `--strict`.
    public func exitCode(strict: Bool) -> Int32 {
        hasErrors || (strict && hasWarnings) ? 1 : 0
    }
}

public enum Validator {
    /// Runs every rule on a loaded inventory and applies the severity overrides of `ddi.yaml`.
    public static func validate(
        _ loaded: LoadedInventory,
        today: Day,
        base: Inventory? = nil,
        commits: [CommittedChange]? = nil,
        rules: [any ValidationRule] = RuleCatalog.all
    ) -> ValidationReport {
        let context = ValidationContext(inventory: loaded.inventory, today: today, base: base, commits: commits)
        let perRule = Parallel.map(rules) { rule -> [Diagnostic] in
            var findings = RuleFindings()
            rule.check(context, &findings)
            return findings.items.map {
                Diagnostic(ruleID: rule.id, severity: $0.severity ?? rule.defaultSeverity, message: $0.message, location: $0.location, related: $0.related)
            }
        }
        let overrides = loaded.inventory.config.ruleOverrides
        var diagnostics: [Diagnostic] = []
        for diagnostic in loaded.diagnostics + perRule.joined() {
            guard let override = overrides[diagnostic.ruleID]?.value else {
                diagnostics.append(diagnostic)
                continue
            }
            if case .severity(let severity) = override {
                var adjusted = diagnostic
                adjusted.severity = severity
                diagnostics.append(adjusted)
            }
        }
        diagnostics.sort(by: Diagnostic.presentationOrder)
        return ValidationReport(diagnostics: diagnostics, fileCount: loaded.filePaths.count)
    }
}
