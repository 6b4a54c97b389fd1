extension SnapshotFormat {
    /// `Get-CsPhoneNumberAssignment | Export-Csv`
    public static let teamsCSV = SnapshotFormat(rawValue: "teams-csv")
}

struct TeamsCSVFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .teamsCSV }
    var content: SnapshotContent { .numbers }

    func claims(_ export: SnapshotExport) -> Bool {
        export.csv != nil && export.describes == .numbers && !AcquiredNumbersCSVFormat.isAcquiredExport(export)
    }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        NumberRecordImporter.contribution(export, graph: false)
    }

    var claimsByShape: Bool { true }
}
