extension SnapshotFormat {
    /// `Get-CsOnlineUser | Export-Csv`
    public static let usersCSV = SnapshotFormat(rawValue: "users-csv")
}

struct UsersCSVFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .usersCSV }
    var content: SnapshotContent { .directory }

    func claims(_ export: SnapshotExport) -> Bool { export.csv != nil && export.describes == .users }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        DirectoryRecordImporter.contribution(export, resourceAccounts: false)
    }

    var claimsByShape: Bool { true }
}
