/// One commit's change to the inventory with its message: what rule DDI015 compares.
public struct CommittedChange: Sendable {
    /// The commit id (abbreviated for people).
    public var commit: String
    public var message: String
    public var diff: InventoryDiff

    public init(commit: String, message: String, diff: InventoryDiff) {
        self.commit = commit
        self.message = message
        self.diff = diff
    }

    /// The first line of the message.
    public var subject: String { String(message.split(separator: "\n", omittingEmptySubsequences: false).first ?? "") }

    /// The trailers the change calls for that the message lacks.
    public var missingTrailers: CommitTrailers {
        CommitTrailers(parsing: message).missing(from: CommitTrailers(for: diff))
    }
}
