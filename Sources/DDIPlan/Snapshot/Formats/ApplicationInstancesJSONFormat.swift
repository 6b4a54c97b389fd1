extension SnapshotFormat {
    /// `Get-CsOnlineApplicationInstance | ConvertTo-Json`
    public static let applicationInstancesJSON = SnapshotFormat(rawValue: "application-instances-json")
}

struct ApplicationInstancesJSONFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .applicationInstancesJSON }
    var content: SnapshotContent { .directory }

    func claims(_ export: SnapshotExport) -> Bool { export.json != nil && export.describes == .applicationInstances }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        DirectoryRecordImporter.contribution(export, resourceAccounts: true)
    }

    var claimsByShape: Bool { true }

    func recordSink(file: String) -> (any SnapshotRecordSink)? {
        DirectoryRecordImporter.Sink(file: file, resourceAccounts: true, graph: false)
    }
}
