extension SnapshotFormat {
    /// `Get-CsAutoAttendant -First 100 | ConvertTo-Json -Depth 10 -EnumsAsStrings`
    public static let autoAttendantsJSON = SnapshotFormat(rawValue: "auto-attendants-json")
}

struct AutoAttendantsJSONFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .autoAttendantsJSON }
    var content: SnapshotContent { .routing }

    func claims(_ export: SnapshotExport) -> Bool { RoutingRecordMapping.looksLikeAutoAttendants(export) }

    func read(_ export: SnapshotExport) -> SnapshotContribution { RoutingRecordMapping.autoAttendants(export) }
}
