/// A commit message built from the semantic diff of the change it commits (`ddi commit`, the
/// lifecycle commands' `--commit`, the `prepare-commit-msg` hook):
///
///     Assign +4533121047 to ida.poulsen@contoso.com
///
///     HR case 2026-0388                                   (the text of -m, when given)
///
///     +4533121047: free → assigned to ida.poulsen@contoso.com (Sales)
///
///     Number: +4533121047
///
/// The same change always gives the same message. No value can break the format: every value is
/// escaped to one line, body lines are folded at 72 characters with an indented continuation, and
/// the trailers are the last paragraph.
public struct CommitMessage: Hashable, Sendable {
    public var subject: String
    /// The person's own words (`-m TEXT`), escaped; nil when none were given.
    public var note: String?
    /// One line per changed number, range and routing entry, folded.
    public var body: [String]
    public var trailers: CommitTrailers

    /// `after`: the inventory the change leads to (who still holds numbers decides whether a
    /// release reads as an offboarding).
    public init(diff: InventoryDiff, after: Inventory, note: String? = nil) {
        var stillAssigned = Set<String>()
        for entry in after.numbers where entry.status?.value == .assigned {
            if let identity = entry.assignedTo?.value { stillAssigned.insert(identity.lowercased()) }
        }
        subject = CommitSubject.make(diff, stillAssigned: stillAssigned)
        self.note = note.flatMap(CommitMessageText.paragraphs)
        var lines: [String] = []
        for change in diff.numbers { lines.append("\(change.subject): \(change.summary)") }
        for change in diff.ranges { lines.append("range \(change.id): \(change.summary)") }
        for change in diff.routing { lines.append("routing \(change.id): \(change.summary)") }
        body = lines.flatMap { CommitMessageText.fold(CommitMessageText.oneLine($0)) }
        trailers = CommitTrailers(for: diff)
    }

    /// The whole message, ending with a newline.
    public var text: String {
        var paragraphs = [subject]
        if let note { paragraphs.append(note) }
        if !body.isEmpty { paragraphs.append(body.joined(separator: "\n")) }
        if !trailers.isEmpty { paragraphs.append(trailers.lines.joined(separator: "\n")) }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }
}
