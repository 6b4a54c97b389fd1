import DDIKit

/// Runs the preflight checks on a plan (README "Preflight checks") and adds what they find: findings of kind
/// `preflight` with the check's ID, the identity and the fix, at the severity `ddi.yaml` `rules:`
/// gives the check. A check whose input the export lacks says so once, as an info finding.
public enum Preflight {
    public static func check(_ plan: Plan, snapshot: LiveSnapshot, overrides: [String: Located<SeverityOverride>] = [:],
                             checks: [any PreflightCheck] = PreflightCatalog.all) -> Plan {
        let context = PreflightContext.build(plan: plan, snapshot: snapshot)
        var added: [PlanFinding] = []
        for check in checks {
            added += findings(of: check, in: context, override: overrides[check.id]?.value)
        }
        guard !added.isEmpty else { return plan }
        var checked = plan
        checked.findings = merged(plan.findings, added)
        for finding in added {
            switch finding.severity {
            case .error: checked.summary.errors += 1
            case .warning: checked.summary.warnings += 1
            case .info: checked.summary.infos += 1
            }
        }
        return checked
    }

    /// The plan's findings are sorted already (by number, then kind, then message): the few added
    /// ones are sorted and put in their places by binary search, instead of sorting thousands again.
    static func merged(_ sorted: [PlanFinding], _ added: [PlanFinding]) -> [PlanFinding] {
        typealias Key = (String, String, String, String)
        func key(_ finding: PlanFinding) -> Key { (finding.sortKey, finding.kind.rawValue, finding.checkID ?? "", finding.message) }
        let incoming = added.map { (key($0), $0) }.sorted { $0.0 < $1.0 }
        var result: [PlanFinding] = []
        result.reserveCapacity(sorted.count + added.count)
        var start = 0
        for (incomingKey, finding) in incoming {
            var low = start, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if key(sorted[middle]) <= incomingKey { low = middle + 1 } else { high = middle }
            }
            result.append(contentsOf: sorted[start..<low])
            result.append(finding)
            start = low
        }
        result.append(contentsOf: sorted[start...])
        return result
    }

    /// One check's findings at its effective severity, then its skip note (at most one).
    public static func findings(of check: any PreflightCheck, in context: PreflightContext, override: SeverityOverride? = nil) -> [PlanFinding] {
        if override == .off { return [] }
        var raw = PreflightFindings()
        check.check(context, &raw)
        var severity = check.defaultSeverity
        if case .severity(let chosen) = override { severity = chosen }
        var result = raw.items.map { item in
            PlanFinding(kind: .preflight, severity: severity, number: item.number, message: item.message,
                        declaredAt: item.declaredAt, live: item.live, checkID: check.id, identity: item.identity, fix: item.fix)
        }
        if let note = skipNote(check, raw) { result.append(note) }
        return result
    }

    private static func skipNote(_ check: any PreflightCheck, _ raw: PreflightFindings) -> PlanFinding? {
        let skipped = raw.skipped
        guard !skipped.isEmpty else { return nil }
        let numbers = skipped.values.flatMap { $0 }.sorted { PlanAction.sortKey($0) < PlanAction.sortKey($1) }
        guard let first = numbers.first else { return nil }
        let lacks = skipped.keys.sorted().joined(separator: "; ")
        let count = Set(numbers).count
        let what = count == 1 ? "\(first) was not checked" : "\(count) numbers were not checked, \(first) first"
        return PlanFinding(kind: .preflight, severity: .info, number: first,
                           message: "not checked: the export lacks \(lacks); \(what)",
                           declaredAt: raw.skippedPlaces[first], live: nil, checkID: check.id, identity: nil,
                           fix: "export what is missing (see `ddi explain \(check.id)`) and plan again")
    }
}
