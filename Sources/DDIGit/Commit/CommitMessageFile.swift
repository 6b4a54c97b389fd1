import DDIKit
import Foundation

/// Fills the message file git hands `prepare-commit-msg` with the generated message.
///
/// - A new message (no source, or a `template`): the generated subject first, the template's text
///   as the person's note, then the body and the trailers; git's comment lines stay below.
/// - A message given with `-m` / `-F` (`message`): the person's text stays first; the body and
///   the trailers follow it, so plain git still finds the change by number.
/// - `merge`, `squash` and `commit` (amend, `-c`, `-C`): left alone; those messages belong to git.
///
/// Comment lines are those starting with `#` (git's default `core.commentChar`).
public enum CommitMessageFile {
    /// The new file text, or nil when the file stays as it is.
    public static func fill(_ text: String, source: String?, pending: PendingInventoryCommit) -> String? {
        guard pending.touchesInventory else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstComment = lines.firstIndex { $0.hasPrefix("#") } ?? lines.count
        var head = Array(lines[..<firstComment])
        while head.last.map({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) == true { head.removeLast() }
        while head.first.map({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) == true { head.removeFirst() }
        let tail = lines[firstComment...].joined(separator: "\n")
        let written = head.joined(separator: "\n")
        let filled: String
        switch source ?? "" {
        case "", "template":
            filled = pending.message(note: written.isEmpty ? nil : written).text
        case "message":
            let generated = pending.message()
            var paragraphs = [written.isEmpty ? generated.subject : written]
            if !generated.body.isEmpty { paragraphs.append(generated.body.joined(separator: "\n")) }
            if !generated.trailers.isEmpty { paragraphs.append(generated.trailers.lines.joined(separator: "\n")) }
            filled = paragraphs.joined(separator: "\n\n") + "\n"
        default:
            return nil
        }
        return tail.isEmpty ? filled : filled + "\n" + tail
    }
}
