extension SnapshotFormat {
    /// An export with no records at all (`[]`, or PowerShell's `{"value": []}`): it adds nothing.
    public static let empty = SnapshotFormat(rawValue: "empty")
}

struct EmptyExportFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .empty }
    var content: SnapshotContent { .nothing }

    func claims(_ export: SnapshotExport) -> Bool {
        guard let json = export.json else { return false }
        return json.records.isEmpty && !json.isGraphPage
    }

    func read(_ export: SnapshotExport) -> SnapshotContribution { SnapshotContribution() }

    var claimsByShape: Bool { true }
}
