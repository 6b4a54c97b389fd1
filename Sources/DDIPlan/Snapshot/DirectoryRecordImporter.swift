/// Turns `Get-CsOnlineUser` and `Get-CsOnlineApplicationInstance` records (JSON or CSV) into accounts,
/// so that object ids become UPNs and disabled accounts show.
enum DirectoryRecordImporter {
    /// What a users or application instances export adds to the snapshot.
    static func contribution(_ export: SnapshotExport, resourceAccounts: Bool) -> SnapshotContribution {
        guard case .success(let decoded) = export.decoded else { return SnapshotContribution() }
        let result = importRecords(decoded.records, file: export.path, resourceAccounts: resourceAccounts, graph: decoded.isGraphPage)
        return SnapshotContribution(accounts: result.accounts, problems: result.problems)
    }

    static func importRecords(_ records: [SnapshotRecord], file: String, resourceAccounts: Bool, graph: Bool) -> (accounts: [DirectoryAccount], problems: [SnapshotProblem]) {
        var accounts: [DirectoryAccount] = []
        var problems: [SnapshotProblem] = []
        for record in records {
            var reader = FieldReader(file: file, record: record, graph: graph)
            let upn = reader.text(.upn, required: true)
            reader.number = upn
            if let upn, !upn.contains("@") { reader.report(.upn, "'\(upn)' is not a user principal name (no @)") }
            // Newer MicrosoftTeams modules write the object id as `Identity`, older ones as `ObjectId`.
            let objectID = (reader.text(.objectID) ?? reader.text(.identity))?.asciiFolded
            if objectID == nil, record.isAbsent(.objectID), record.isAbsent(.identity) {
                reader.report(record.has(.identity) ? .identity : .objectID, "missing")
            }
            let enabled = reader.boolean(.accountEnabled)
            let accountType = reader.text(.accountType)
            let lineField: Field = resourceAccounts ? .phoneNumber : .lineURI
            let line = reader.phoneNumber(lineField, required: false)
            let application = reader.text(.applicationID)?.asciiFolded
            problems += reader.problems
            guard reader.problems.isEmpty, let upn, let objectID else { continue }
            let isResource = resourceAccounts || accountType?.lowercased() == "resourceaccount"
            accounts.append(DirectoryAccount(
                objectID: objectID, upn: upn, kind: isResource ? .resourceAccount : .user, enabled: enabled,
                accountType: accountType, lineURI: line?.description, applicationID: application,
                origin: RecordOrigin(file: file, record: record.index)
            ))
        }
        return (accounts, problems)
    }
}
