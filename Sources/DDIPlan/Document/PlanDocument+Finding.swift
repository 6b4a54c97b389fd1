import DDIKit

extension PlanDocument {
    /// `findings[]`: something the plan cannot or will not change.
    public struct Finding: Sendable, Equatable, Codable {
        public var kind: FindingKind
        public var severity: Severity
        public var number: String
        public var message: String
        public var declaredAt: Location?
        public var live: Origin?
        /// Preflight findings only (written only when present, so other findings keep their shape).
        public var checkID: String?
        public var identity: String?
        public var fix: String?

        init(_ finding: PlanFinding) {
            kind = finding.kind
            severity = finding.severity
            number = finding.number
            message = finding.message
            declaredAt = finding.declaredAt.map(Location.init)
            live = finding.live.map(Origin.init)
            checkID = finding.checkID
            identity = finding.identity
            fix = finding.fix
        }

        var model: PlanFinding {
            PlanFinding(kind: kind, severity: severity, number: number, message: message, declaredAt: declaredAt?.model, live: live?.model,
                        checkID: checkID, identity: identity, fix: fix)
        }

        enum CodingKeys: String, CodingKey {
            case kind, severity, number, message, live, identity, fix
            case declaredAt = "declared_at"
            case checkID = "check_id"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(severity, forKey: .severity)
            try container.encode(number, forKey: .number)
            try container.encode(message, forKey: .message)
            try container.encode(declaredAt, forKey: .declaredAt)
            try container.encode(live, forKey: .live)
            try container.encodeIfPresent(checkID, forKey: .checkID)
            try container.encodeIfPresent(identity, forKey: .identity)
            try container.encodeIfPresent(fix, forKey: .fix)
        }
    }

    /// `summary`: the counts. `changes` is written for readers and never read back: it is the sum
    /// of the four action counts.
    public struct Summary: Sendable, Equatable, Codable {
        public var assign: Int
        public var update: Int
        public var reassign: Int
        public var unassign: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        public var declaredEntries: Int
        public var liveNumbers: Int
        public var liveAssigned: Int

        init(_ summary: PlanSummary) {
            assign = summary.assign
            update = summary.update
            reassign = summary.reassign
            unassign = summary.unassign
            errors = summary.errors
            warnings = summary.warnings
            infos = summary.infos
            declaredEntries = summary.declaredEntries
            liveNumbers = summary.liveNumbers
            liveAssigned = summary.liveAssigned
        }

        var model: PlanSummary {
            var summary = PlanSummary()
            summary.assign = assign
            summary.update = update
            summary.reassign = reassign
            summary.unassign = unassign
            summary.errors = errors
            summary.warnings = warnings
            summary.infos = infos
            summary.declaredEntries = declaredEntries
            summary.liveNumbers = liveNumbers
            summary.liveAssigned = liveAssigned
            return summary
        }

        enum CodingKeys: String, CodingKey {
            case assign, update, reassign, unassign, errors, warnings, infos, changes
            case declaredEntries = "declared_entries"
            case liveNumbers = "live_numbers"
            case liveAssigned = "live_assigned"
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(assign, forKey: .assign)
            try container.encode(update, forKey: .update)
            try container.encode(reassign, forKey: .reassign)
            try container.encode(unassign, forKey: .unassign)
            try container.encode(assign + update + reassign + unassign, forKey: .changes)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(infos, forKey: .infos)
            try container.encode(declaredEntries, forKey: .declaredEntries)
            try container.encode(liveNumbers, forKey: .liveNumbers)
            try container.encode(liveAssigned, forKey: .liveAssigned)
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            assign = try container.decode(Int.self, forKey: .assign)
            update = try container.decode(Int.self, forKey: .update)
            reassign = try container.decode(Int.self, forKey: .reassign)
            unassign = try container.decode(Int.self, forKey: .unassign)
            errors = try container.decode(Int.self, forKey: .errors)
            warnings = try container.decode(Int.self, forKey: .warnings)
            infos = try container.decode(Int.self, forKey: .infos)
            declaredEntries = try container.decode(Int.self, forKey: .declaredEntries)
            liveNumbers = try container.decode(Int.self, forKey: .liveNumbers)
            liveAssigned = try container.decode(Int.self, forKey: .liveAssigned)
        }
    }
}
