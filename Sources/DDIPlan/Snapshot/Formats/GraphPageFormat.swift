extension SnapshotFormat {
    /// Microsoft Graph `GET /admin/teams/telephoneNumberManagement/numberAssignments`, one page per file.
    public static let graphPage = SnapshotFormat(rawValue: "graph-page")
}

/// A page of Graph number assignments: `{"@odata.context": …, "value": [...], "@odata.nextLink": …}`.
/// A page without records is one too (the last page of an empty tenant).
struct GraphPageFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .graphPage }
    var content: SnapshotContent { .numbers }

    func claims(_ export: SnapshotExport) -> Bool {
        guard let json = export.json, json.isGraphPage else { return false }
        return json.records.isEmpty || export.describes == .numbers
    }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        var contribution = NumberRecordImporter.contribution(export, graph: true)
        contribution.page = SnapshotContribution.Page(nextLink: export.json?.nextLink)
        return contribution
    }

    var claimsByShape: Bool { true }
}
