extension SnapshotFormat {
    /// `Get-CsCallQueue -First 100 | ConvertTo-Json -Depth 10 -EnumsAsStrings`
    public static let callQueuesJSON = SnapshotFormat(rawValue: "call-queues-json")
}

struct CallQueuesJSONFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .callQueuesJSON }
    var content: SnapshotContent { .routing }

    func claims(_ export: SnapshotExport) -> Bool { RoutingRecordMapping.looksLikeCallQueues(export) }

    func read(_ export: SnapshotExport) -> SnapshotContribution { RoutingRecordMapping.callQueues(export) }
}
