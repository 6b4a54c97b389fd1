extension SnapshotLoader {
    /// `Get-CsPhoneNumberAssignment` returns 500 numbers unless asked for more (at most 1000 a call,
    /// paged with `-Skip`/`-Top`); Graph's list returns 500 by default, 1000 at most (`$top`/`$skip`).
    /// An export of exactly one such page most likely stopped there.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
    /// https://learn.microsoft.com/graph/api/teamsadministration-telephonenumbermanagementroot-list-numberassignments
    static let pageSizes: Set<Int> = [500, 1000]

    static func truncationNotes(files: [SnapshotFile], graphPages: [(path: String, records: Int)]) -> [SnapshotNote] {
        var notes: [SnapshotNote] = []
        for file in files where (file.format == .teamsJSON || file.format == .teamsCSV) && pageSizes.contains(file.records) {
            notes.append(SnapshotNote(severity: .warning, file: file.path, message: "holds exactly \(file.records) numbers and looks truncated: Get-CsPhoneNumberAssignment returns 500 by default; page with -Skip/-Top or use Export-CsAcquiredPhoneNumber"))
        }
        let graphTotal = graphPages.reduce(0) { $0 + $1.records }
        if let first = graphPages.first, pageSizes.contains(graphTotal) {
            notes.append(SnapshotNote(severity: .warning, file: first.path, message: "the Graph pages hold exactly \(graphTotal) numbers and look truncated: numberAssignments returns 500 by default; page with $top and $skip until a page is short (ddi snapshot pull does)"))
        }
        return notes
    }

    /// Graph `/users` cannot tell a resource account from a user (both are user objects; resource
    /// accounts are disabled for sign-in by design). A number whose status is
    /// `voiceApplicationAssigned` is held by a resource account, as the numberAssignment resource
    /// documents, so its holder is one, unless the export named the account's type itself.
    /// https://learn.microsoft.com/graph/api/resources/teamsadministration-numberassignment
    static func markVoiceApplicationTargets(_ accounts: inout [DirectoryAccount], numbers: [LiveNumber]) {
        let targets = Set(numbers.lazy.filter { $0.status == .voiceApplicationAssigned }.compactMap(\.targetID))
        guard !targets.isEmpty else { return }
        for index in accounts.indices where accounts[index].kind == .user && accounts[index].accountType == nil
            && targets.contains(accounts[index].objectID) {
            accounts[index].kind = .resourceAccount
        }
    }
}
