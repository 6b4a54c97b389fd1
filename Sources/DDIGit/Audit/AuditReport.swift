import DDIKit

/// Something an auditor should look at on a number.
public enum AuditFlag: String, Sendable, Codable, CaseIterable {
    /// Assigned, and never reviewed or reviewed longer ago than `review_max_age_days`.
    case staleReview = "stale-review"
    /// Reserved, and the reservation ended.
    case expiredReservation = "expired-reservation"
    /// In quarantine longer than `quarantine_days`: ready to become free.
    case quarantineOver = "quarantine-over"
    /// Assigned to an account the directory export shows disabled.
    case disabledAccount = "disabled-account"
    /// Assigned to an account the directory export does not know (deleted).
    case deletedAccount = "deleted-account"
}

/// Accounts as a directory export shows them, for `ddi audit --live` (plain data, so that this module
/// does not depend on the snapshot readers). UPNs are compared case-insensitively.
public struct DirectoryAccounts: Sendable {
    public var known: Set<String>
    public var disabled: Set<String>
    /// False when the export lists users only: then an unknown resource account is not "deleted".
    public var includesResourceAccounts: Bool

    public init(known: some Sequence<String>, disabled: some Sequence<String>, includesResourceAccounts: Bool = true) {
        self.known = Set(known.map { $0.lowercased() })
        self.disabled = Set(disabled.map { $0.lowercased() })
        self.includesResourceAccounts = includesResourceAccounts
    }
}

/// One declared entry with its last change and flags.
public struct AuditRow: Sendable {
    public var entry: DeclaredEntry
    public var lastChange: CommitInfo?
    public var flags: [AuditFlag]
}

/// The evidence: every declared number at one commit, with who changed it last.
public struct AuditReport: Sendable {
    public var revision: String
    public var commit: CommitInfo
    public var today: Day
    public var tenant: String?
    public var rows: [AuditRow]

    public func count(_ flag: AuditFlag) -> Int { rows.lazy.filter { $0.flags.contains(flag) }.count }
}

public enum Audit {
    /// Audits the inventory at `oid`: one row per declared number or block, in number order.
    public static func run(_ history: GitHistory, at oid: GitOID, label: String, today: Day, accounts: DirectoryAccounts? = nil) throws -> AuditReport {
        let (entries, config) = try history.auditedEntries(at: oid, label: label)
        let policy = config.policy
        let records = try history.facts(from: oid)
        var lastChange: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            // One parent: its changes' keys as they come (a set of them is for merges, which change a
            // key only when they change it against every parent).
            if record.changes.count == 1 {
                for fact in record.changes[0] where !fact.isMoveOnly { lastChange[fact.key] = index }
            } else {
                for key in record.declarationChangedKeys { lastChange[key] = index }
            }
        }
        let keys = entries.map(\.key)
        // Sorted by (first number, key, file, line): the order is sorted once as indices, which compare
        // by number alone unless two entries start at the same number (the sort is stable, as before).
        let firstNumbers = entries.map { $0.span?.lowerKey ?? UInt64.max }
        let order = entries.indices.sorted { i, j in
            if firstNumbers[i] != firstNumbers[j] { return firstNumbers[i] < firstNumbers[j] }
            return (keys[i], entries[i].path, entries[i].line) < (keys[j], entries[j].path, entries[j].line)
        }
        var rows: [AuditRow] = []
        rows.reserveCapacity(entries.count)
        for index in order {
            let entry = entries[index]
            rows.append(AuditRow(
                entry: entry,
                lastChange: lastChange[keys[index]].map { records[$0].commit },
                flags: flags(entry, policy: policy, today: today, accounts: accounts)
            ))
        }
        return AuditReport(revision: label, commit: try history.commitInfo(oid), today: today, tenant: config.tenant, rows: rows)
    }

    static func flags(_ entry: DeclaredEntry, policy: Policy, today: Day, accounts: DirectoryAccounts?) -> [AuditFlag] {
        var flags: [AuditFlag] = []
        switch entry.numberStatus {
        case .assigned?:
            if policy.isReviewStale(reviewed: entry.reviewed, today: today) { flags.append(.staleReview) }
            // The conference bridge and shared-calling policies are in no directory export, and a
            // declared resource account is disabled for sign-in by design (even where an export,
            // like Graph /users, does not say it is one):
            // https://learn.microsoft.com/microsoftteams/manage-resource-accounts
            let kind = entry.kind.flatMap(NumberKind.init(rawValue:))
            let notInDirectory = kind == .conference || kind == .sharedCalling
            let resourceAccount = kind == .autoAttendant || kind == .callQueue || kind == .resource
            if let accounts, let holder = entry.assignedTo?.lowercased(), !notInDirectory {
                if accounts.disabled.contains(holder), !resourceAccount {
                    flags.append(.disabledAccount)
                } else if !accounts.known.contains(holder),
                          accounts.includesResourceAccounts || entry.kind == NumberKind.user.rawValue || entry.kind == NumberKind.vip.rawValue {
                    flags.append(.deletedAccount)
                }
            }
        case .reserved?:
            if let until = entry.until, Policy.isReservationExpired(until: until, today: today) { flags.append(.expiredReservation) }
        case .quarantine?:
            if let since = entry.since, policy.isQuarantineOver(since: since, today: today) { flags.append(.quarantineOver) }
        default:
            break
        }
        return flags
    }
}
