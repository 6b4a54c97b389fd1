extension SnapshotFormat {
    /// `Get-CsOnlineLisLocation | ConvertTo-Json`
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation
    public static let lisLocationsJSON = SnapshotFormat(rawValue: "lis-locations-json")
}

struct LisLocationsJSONFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .lisLocationsJSON }
    var content: SnapshotContent { .locations }

    func claims(_ export: SnapshotExport) -> Bool { export.json != nil && export.describes == .locations }

    func read(_ export: SnapshotExport) -> SnapshotContribution { LocationRecordImporter.contribution(export) }

    var claimsByShape: Bool { true }
}
