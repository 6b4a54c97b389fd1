/// Turns the YAML tree of `ddi.yaml` into an `InventoryConfig`.
struct ConfigDecoder {
    static let topLevelKeys = ["version", "tenant", "live", "policy", "safety", "rules"]
    static let policyKeys = ["quarantine_days", "reservation_max_days", "review_max_age_days", "require_range"]
    static let safetyKeys = ["max_unassign_percent", "max_reassign_percent", "min_existing"]

    var reader = ShapeReader()

    mutating func decode(_ root: YAMLNode?, path: String, knownRuleIDs: [String]) -> InventoryConfig {
        var config = InventoryConfig()
        guard let root else {
            reader.report("ddi.yaml is empty: it needs at least 'version: 1'", at: SourceLocation(file: path, line: 1, column: 1))
            return config
        }
        guard let fields = reader.fields(of: root, allowed: Self.topLevelKeys, context: "ddi.yaml") else { return config }
        if let version = reader.integer(fields["version"], key: "version") {
            if version.value == 1 {
                config.version = 1
            } else {
                reader.report("'version' \(version.value) is not supported: this ddi reads version 1", at: version.location)
            }
        } else if fields["version"] == nil {
            reader.report("ddi.yaml is missing required key 'version' (write 'version: 1')", at: root.location)
        }
        config.tenant = reader.text(fields["tenant"], key: "tenant")?.value
        if let live = reader.text(fields["live"], key: "live") {
            // Only the text can be judged here (a git revision has no disk): links are the loader's.
            if InventoryBoundary.isLexicallyInside(live.value) {
                config.live = live.value
            } else {
                reader.report(InventoryBoundary.liveOutsideMessage(live.value), at: live.location)
            }
        }
        if let node = fields["policy"], let policy = reader.fields(of: node, allowed: Self.policyKeys, context: "policy") {
            if let value = reader.integer(policy["quarantine_days"], key: "quarantine_days", minimum: 0) { config.policy.quarantineDays = value.value }
            if let value = reader.integer(policy["reservation_max_days"], key: "reservation_max_days", minimum: 0) { config.policy.reservationMaxDays = value.value }
            if let value = reader.integer(policy["review_max_age_days"], key: "review_max_age_days", minimum: 0) { config.policy.reviewMaxAgeDays = value.value }
            if let value = reader.boolean(policy["require_range"], key: "require_range") { config.policy.requireRange = value.value }
        }
        if let node = fields["safety"], let safety = reader.fields(of: node, allowed: Self.safetyKeys, context: "safety") {
            if let value = reader.decimal(safety["max_unassign_percent"], key: "max_unassign_percent", range: 0...100) { config.safety.maxUnassignPercent = value.value }
            if let value = reader.decimal(safety["max_reassign_percent"], key: "max_reassign_percent", range: 0...100) { config.safety.maxReassignPercent = value.value }
            if let value = reader.integer(safety["min_existing"], key: "min_existing", minimum: 0) { config.safety.minExisting = value.value }
        }
        if let node = fields["rules"], let rules = reader.fields(of: node, allowed: knownRuleIDs, context: "rules") {
            for (id, value) in rules.presentKeys {
                guard let text = reader.text(value, key: id) else { continue }
                guard let override = SeverityOverride(text: text.value) else {
                    reader.report("rule \(id) severity must be error, warning, info or off, found '\(text.value)'\(DidYouMean.hint(for: text.value, among: ["error", "warning", "info", "off"]))", at: text.location)
                    continue
                }
                config.ruleOverrides[id] = Located(override, at: text.location)
            }
        }
        return config
    }
}
