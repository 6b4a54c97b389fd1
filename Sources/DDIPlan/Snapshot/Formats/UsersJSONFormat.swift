extension SnapshotFormat {
    /// `Get-CsOnlineUser | ConvertTo-Json` (or a Graph `users` page)
    public static let usersJSON = SnapshotFormat(rawValue: "users-json")
}

struct UsersJSONFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .usersJSON }
    var content: SnapshotContent { .directory }

    func claims(_ export: SnapshotExport) -> Bool { export.json != nil && export.describes == .users }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        DirectoryRecordImporter.contribution(export, resourceAccounts: false)
    }

    var claimsByShape: Bool { true }

    func recordSink(file: String) -> (any SnapshotRecordSink)? {
        DirectoryRecordImporter.Sink(file: file, resourceAccounts: false, graph: false)
    }
}
