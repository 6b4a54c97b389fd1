import DDIKit
import Foundation

/// Formats a number's history: a readable log, or JSON.
public enum NumberHistoryRenderer {
    public static func text(number: PhoneNumber, events: [NumberHistoryEvent], newestFirst: Bool) -> String {
        guard !events.isEmpty else { return "\(number): no commit declared or changed this number\n" }
        var lines = ["\(number): \(events.count) change\(events.count == 1 ? "" : "s"), \(newestFirst ? "newest" : "oldest") first"]
        for event in events {
            let commit = event.commit
            lines.append("")
            // Author, message and inventory values come from whoever made the commit: one line each.
            lines.append("\(commit.author.day)  \(commit.oid.short(10))  \(single(commit.author.name)) <\(single(commit.author.email))>")
            lines.append("    \(single(commit.summary))")
            lines.append("    → \(single(event.change.summary))")
            for field in event.change.fields {
                lines.append("      \(field.field): \(single(field.before ?? "–")) → \(single(field.after ?? "–"))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(number: PhoneNumber, revision: String, events: [NumberHistoryEvent]) throws(OutputError) -> String {
        struct Person: Encodable { var name: String; var email: String; var date: String }
        struct Event: Encodable {
            var commit: String
            var parents: [String]
            var author: Person
            var committer: Person
            var summary: String
            var kinds: [NumberChangeKind]
            var change: String
            var before_file: String?
            var after_file: String?
            var fields: [FieldChange]
        }
        struct Output: Encodable { var number: String; var revision: String; var events: [Event] }
        let output = Output(number: number.description, revision: revision, events: events.map { event in
            let commit = event.commit
            return Event(
                commit: commit.oid.hex, parents: commit.parents.map(\.hex),
                author: Person(name: commit.author.name, email: commit.author.email, date: commit.author.isoDate),
                committer: Person(name: commit.committer.name, email: commit.committer.email, date: commit.committer.isoDate),
                summary: commit.summary, kinds: event.change.kinds, change: event.change.summary,
                before_file: event.change.before?.path, after_file: event.change.after?.path, fields: event.change.fields
            )
        })
        return try JSONOutput.encode(output)
    }

    static func single(_ text: String) -> String { TextEscaping.terminal(text) }
}
