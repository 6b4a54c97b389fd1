import DDIKit
import Foundation

/// The plan as a JSON document (`schema/plan.schema.json`): what `ddi plan --format json` prints
/// and what `--out` saves. It is its own versioned type, apart from the in-memory `Plan`, so that
/// the model can change without changing the file format by accident (Terraform keeps
/// `command/jsonplan` apart from `plans` for the same reason). A change to this file's shape is a
/// change of `formatVersion`.
public struct PlanDocument: Sendable, Equatable, Codable {
    /// The `format_version` this ddi writes and reads.
    public static let formatVersion = 1

    public var formatVersion: Int
    public var tenant: String?
    public var inputs: Inputs
    public var actions: [Action]
    public var findings: [Finding]
    public var summary: Summary
    /// Auto attendants and call queues to update (README "Routing").
    public var routing: [RoutingActionEntry]
    /// What `ddi plan` concluded (exit status and why), in what `ddi plan` prints and saves; absent
    /// in documents made from a plan alone (nil is not written).
    public var outcome: PlanOutcome?

    /// A plan document this ddi cannot read: made by a ddi with another format.
    public struct UnsupportedVersion: Error, Equatable {
        public var found: Int
    }

    public init(_ plan: Plan, outcome: PlanOutcome? = nil) {
        self.outcome = outcome
        formatVersion = Self.formatVersion
        tenant = plan.tenant
        inputs = Inputs(plan.inputs)
        actions = plan.actions.map(Action.init)
        findings = plan.findings.map(Finding.init)
        summary = Summary(plan.summary)
        routing = plan.routing.actions.map(RoutingActionEntry.init)
    }

    /// The plan the document describes.
    public var plan: Plan {
        var plan = Plan(tenant: tenant, inputs: inputs.model, actions: actions.map(\.model), findings: findings.map(\.model), summary: summary.model)
        plan.routing = RoutingPlan(actions: routing.map(\.model))
        plan.summary.routingUpdates = routing.count
        return plan
    }

    /// The canonical JSON: pretty-printed, keys sorted, a final newline. The same plan always gives
    /// the same bytes; the saved plan's checksum is taken over them.
    public func canonicalJSON() throws -> String {
        String(decoding: try Self.canonicalEncoder().encode(self), as: UTF8.self) + "\n"
    }

    /// `canonicalJSON` as bytes, written by `JSONBytesEncoder` (`JSONEncoder`'s output byte for
    /// byte: `PlanDocumentBytesTests`): what `ddi plan --format json` prints, without a `String`
    /// of it. Encoding a large plan with `JSONEncoder` was a tenth of the plan's time.
    public func canonicalJSONBytes() throws -> [UInt8] {
        var bytes = try JSONBytesEncoder().encode(self)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    static func canonicalEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    enum CodingKeys: String, CodingKey {
        case tenant, inputs, actions, findings, summary, routing, outcome
        case formatVersion = "format_version"
    }

    /// The version is read first: a document of another version is refused as such, not as
    /// whichever of its fields this ddi does not know.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        guard formatVersion == Self.formatVersion else { throw UnsupportedVersion(found: formatVersion) }
        tenant = try container.decodeIfPresent(String.self, forKey: .tenant)
        inputs = try container.decode(Inputs.self, forKey: .inputs)
        actions = try container.decode([Action].self, forKey: .actions)
        findings = try container.decode([Finding].self, forKey: .findings)
        summary = try container.decode(Summary.self, forKey: .summary)
        routing = try container.decodeIfPresent([RoutingActionEntry].self, forKey: .routing) ?? []
        outcome = try container.decodeIfPresent(PlanOutcome.self, forKey: .outcome)
    }

    // Every member is written, null when absent, so that the JSON has one shape.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(actions, forKey: .actions)
        try container.encode(findings, forKey: .findings)
        try container.encode(summary, forKey: .summary)
        try container.encode(routing, forKey: .routing)
        try container.encodeIfPresent(outcome, forKey: .outcome)
    }
}

extension PlanDocument {
    /// `file:line:column` of a declaration.
    public struct Location: Sendable, Equatable, Codable {
        public var file: String
        public var line: Int
        public var column: Int

        init(_ location: SourceLocation) {
            file = location.file
            line = location.line
            column = location.column
        }

        var model: SourceLocation { SourceLocation(file: file, line: line, column: column) }
    }

    /// A record of a snapshot file.
    public struct Origin: Sendable, Equatable, Codable {
        public var file: String
        public var record: Int

        init(_ origin: RecordOrigin) {
            file = origin.file
            record = origin.record
        }

        var model: RecordOrigin { RecordOrigin(file: file, record: record) }
    }
}
