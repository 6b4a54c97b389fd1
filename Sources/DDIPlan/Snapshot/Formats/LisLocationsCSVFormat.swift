extension SnapshotFormat {
    /// `Get-CsOnlineLisLocation | Export-Csv`
    public static let lisLocationsCSV = SnapshotFormat(rawValue: "lis-locations-csv")
}

struct LisLocationsCSVFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .lisLocationsCSV }
    var content: SnapshotContent { .locations }

    func claims(_ export: SnapshotExport) -> Bool { export.csv != nil && export.describes == .locations }

    func read(_ export: SnapshotExport) -> SnapshotContribution { LocationRecordImporter.contribution(export) }

    var claimsByShape: Bool { true }
}
