import DDIKit

/// Numbers only the tenant knows, blocks the tenant lacks, and the snapshot's own remarks.
extension PlanningState {
    mutating func evaluateUndeclared(_ live: LiveNumber) {
        let range = ranges.range(containing: live.number)
        if live.status.isAssigned {
            let place = range.map { "inside range \($0.id), where it counts as free" } ?? "outside every declared range"
            add(.undeclared, .warning, live.number.description,
                "assigned in Teams to \(holder(of: live)), but declared nowhere (\(place)): a ghost number; declare it, or remove the assignment by hand (ddi never unassigns undeclared numbers)",
                nil, live)
            // Users only: resource accounts are disabled for sign-in by design.
            // https://learn.microsoft.com/microsoftteams/manage-resource-accounts
            if live.status == .userAssigned, let account = directory.account(objectID: live.targetID ?? ""),
               account.isUser, account.enabled == false {
                add(.disabledAccount, .warning, live.number.description,
                    "assigned in Teams to \(account.upn), whose account is disabled, and declared nowhere",
                    nil, live)
            }
        } else if range == nil {
            add(.undeclared, .info, live.number.description,
                "in the tenant (\(live.numberType.rawValue), unassigned) but in no declared range: paid for and not in the inventory",
                nil, live)
        }
    }

    /// A reserved, quarantined or free block on a non-Direct-Routing range should be in the tenant
    /// as a whole; the live numbers inside it were counted while walking the snapshot.
    mutating func checkBlockPresence(_ entry: NumberEntryFields, liveCount: Int) {
        guard let span = entry.span, let status = entry.status?.value,
              [.free, .reserved, .quarantine].contains(status),
              let range = ranges.range(containing: span.first), let source = range.source, source != .directRouting,
              UInt64(liveCount) < span.count else { return }
        let missing = span.count - UInt64(liveCount)
        add(.notInTenant, status == .free ? .info : .warning, span.description,
            "declared \(status.rawValue), but \(missing) of its \(span.count) \(source.rawValue) numbers are not in the tenant",
            entry, nil)
    }

    /// The snapshot reader's remarks (an enum value this ddi does not know, an export that looks
    /// truncated) as findings: one record is doubtful, the snapshot is still read.
    mutating func addSnapshotNotes() {
        for note in snapshot.notes {
            let number: String
            if let text = note.number, case .success(let parsed) = PhoneNumber.parse(Substring(text)) {
                number = parsed.description
            } else {
                number = ""
            }
            let severity: Severity = note.severity == .warning ? .warning : .info
            // A remark on a whole file names the file in its message: it has no record to point at.
            let origin = note.record.flatMap { $0 >= 1 ? RecordOrigin(file: note.file, record: $0) : nil }
            let message = origin == nil ? "\(note.file): \(note.message)" : note.message
            findings.append(PlanFinding(kind: .snapshot, severity: severity, number: number, message: message, declaredAt: nil, live: origin))
        }
    }
}
