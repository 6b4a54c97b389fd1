extension SnapshotFormat {
    /// `Get-CsPhoneNumberAssignment | ConvertTo-Json -EnumsAsStrings`
    public static let teamsJSON = SnapshotFormat(rawValue: "teams-json")
}

struct TeamsJSONFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .teamsJSON }
    var content: SnapshotContent { .numbers }

    func claims(_ export: SnapshotExport) -> Bool {
        guard let json = export.json, !json.isGraphPage else { return false }
        return export.describes == .numbers
    }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        NumberRecordImporter.contribution(export, graph: false)
    }

    var claimsByShape: Bool { true }

    func recordSink(file: String) -> (any SnapshotRecordSink)? { NumberRecordImporter.Sink(file: file, graph: false) }
}
