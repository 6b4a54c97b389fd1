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
