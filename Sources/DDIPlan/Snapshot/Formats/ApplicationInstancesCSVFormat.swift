extension SnapshotFormat {
    /// `Get-CsOnlineApplicationInstance | Export-Csv`
    public static let applicationInstancesCSV = SnapshotFormat(rawValue: "application-instances-csv")
}

struct ApplicationInstancesCSVFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .applicationInstancesCSV }
    var content: SnapshotContent { .directory }

    func claims(_ export: SnapshotExport) -> Bool { export.csv != nil && export.describes == .applicationInstances }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        DirectoryRecordImporter.contribution(export, resourceAccounts: true)
    }

    var claimsByShape: Bool { true }
}
