/// One export format ddi reads: how to tell it by content (never by file name) and what its
/// records become. A format is one file under `Formats/` plus one line in `SnapshotFormats.all`;
/// the loader and `snapshot pull`'s recognition ask the registered formats in order.
protocol SnapshotFormatReader: Sendable {
    /// The name plans and messages use.
    var format: SnapshotFormat { get }
    /// What the format's records describe.
    var content: SnapshotContent { get }
    /// True when this is the format of `export`. Formats are asked in registry order and the first
    /// that claims a file reads it, so a claim must look at content only and be cheap.
    func claims(_ export: SnapshotExport) -> Bool
    /// The claimed export's records as live numbers or accounts, with a problem for every bad value.
    func read(_ export: SnapshotExport) -> SnapshotContribution
    /// True when `claims` looks only at what decoding found (JSON or CSV and its header, a Graph
    /// page or not, the first record's fields, whether there are records), never at the text: it
    /// can then be asked when only the first record of a file has been read (`SnapshotStreaming`).
    var claimsByShape: Bool { get }
    /// A sink that reads the records of a top-level JSON array one at a time exactly as `read`
    /// reads them all, or nil when the format has none (the file is then read whole).
    func recordSink(file: String) -> (any SnapshotRecordSink)?
}

extension SnapshotFormatReader {
    var claimsByShape: Bool { false }
    func recordSink(file: String) -> (any SnapshotRecordSink)? { nil }
}

/// Takes a format's records one at a time, so that a large export is never held as records.
protocol SnapshotRecordSink {
    /// Room for about this many records: an array grown by appending holds up to twice what it
    /// needs, and both sizes at once while it grows.
    mutating func reserve(records: Int)
    mutating func add(_ record: SnapshotRecord)
    var contribution: SnapshotContribution { get }
}

/// What a format's records describe: they fill different parts of the snapshot.
enum SnapshotContent: Sendable {
    case numbers, directory
    /// Auto attendants or call queues (`Routing/`).
    case routing
    /// Emergency locations (`Get-CsOnlineLisLocation`).
    case locations
    /// An export with no records (`[]`): it adds nothing.
    case nothing
}

/// What one file adds to the snapshot.
struct SnapshotContribution: Sendable {
    var numbers: [LiveNumber] = []
    var accounts: [DirectoryAccount] = []
    var locations: [LiveLocation] = []
    var problems: [SnapshotProblem] = []
    /// Auto attendants or call queues, from a routing export.
    var routing: LiveRouting?
    /// Remarks that keep the snapshot readable.
    var notes: [SnapshotNote] = []
    /// Records in the file; nil: as many as JSON or CSV decoding found (a format that reads its
    /// text itself counts them).
    var records: Int?
    /// For a page of a paged export (Microsoft Graph): the link to the next page, nil on the last.
    /// The loader checks that the pages given form one whole chain.
    var page: Page?

    struct Page: Sendable { var nextLink: String? }
}
