import DDIKit

/// What `ddi plan` concluded, for CI: its exit status and why, so a pipeline can tell drift (changes
/// apply can carry out) from breakage (something blocks apply) without parsing text. The exit
/// contract: 1 when something blocks apply (invalid inventory, unreadable snapshot, an error
/// finding); 0 in sync, or changes without `--detailed-exitcode`; 2 changes with it.
public struct PlanOutcome: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Nothing to do: the tenant matches the inventory.
        case inSync = "in-sync"
        /// Changes that apply can carry out.
        case changes
        /// A plan was made, but an error finding stops apply.
        case blocked
        /// Nothing was planned: the inventory has validation errors.
        case invalidInventory = "invalid-inventory"
        /// Nothing was planned: the snapshot cannot be read.
        case unreadableSnapshot = "unreadable-snapshot"
    }

    public var exitCode: Int
    public var status: Status
    public var reason: String

    public init(exitCode: Int, status: Status, reason: String) {
        self.exitCode = exitCode
        self.status = status
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case status, reason
        case exitCode = "exit_code"
    }

    /// The outcome of a plan that was made.
    public init(_ plan: Plan, detailedExitCode: Bool) {
        let errors = plan.findings.filter { $0.severity == .error }
        if let first = errors.first {
            let more = errors.count == 1 ? "" : " and \(errors.count - 1) more"
            self.init(exitCode: 1, status: .blocked,
                      reason: "\(Wording.counted(errors.count, "error finding")) block\(errors.count == 1 ? "s" : "") apply: \(first.number) \(first.kind.rawValue)\(more)")
        } else if plan.hasChanges {
            self.init(exitCode: detailedExitCode ? 2 : 0, status: .changes,
                      reason: "\(Wording.counted(plan.summary.changes, "change")) that apply can carry out")
        } else {
            self.init(exitCode: 0, status: .inSync, reason: "no changes: the tenant matches the inventory")
        }
    }

    /// Nothing was planned: the inventory has `errors` validation errors.
    public static func invalidInventory(errors: Int) -> PlanOutcome {
        PlanOutcome(exitCode: 1, status: .invalidInventory,
                    reason: "the inventory has \(Wording.counted(errors, "validation error")) (ddi validate lists them); nothing was planned")
    }

    /// Nothing was planned: the snapshot has `problems` problems.
    public static func unreadableSnapshot(problems: Int) -> PlanOutcome {
        PlanOutcome(exitCode: 1, status: .unreadableSnapshot,
                    reason: "the snapshot cannot be read (\(Wording.counted(problems, "problem"))); nothing was planned")
    }
}

/// `ddi plan --format json` when nothing was planned: the format version and the outcome only
/// (schema/plan.schema.json allows this shape only with a status that plans nothing).
public struct UnplannedDocument: Sendable, Equatable, Codable {
    public var formatVersion = PlanDocument.formatVersion
    public var outcome: PlanOutcome

    public init(outcome: PlanOutcome) { self.outcome = outcome }

    enum CodingKeys: String, CodingKey {
        case outcome
        case formatVersion = "format_version"
    }

    public func canonicalJSON() throws -> String {
        String(decoding: try PlanDocument.canonicalEncoder().encode(self), as: UTF8.self) + "\n"
    }
}
