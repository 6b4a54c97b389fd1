import ArgumentParser
import DDIKit
import Foundation

/// The one writer to standard error. Every message goes through `TextEscaping.terminalLines`: ddi's
/// own line breaks stay, and no control character or escape sequence reaches the terminal or the CI
/// log, even inside a composed message. A value interpolated into a message must still be escaped
/// where it is put in (`TextEscaping.terminal`): only that keeps a value such as
/// `"\n::error file=x::Approved"` from starting a line of its own.
enum StandardError {
    /// How `ddi apply`'s progress bar (`ApplyProgress`) redraws its line on a terminal: carriage
    /// return, then erase line. This one prefix is ddi's own and is written as it is.
    static let redrawPrefix = "\r\u{1B}[2K"

    static func write(_ text: String) {
        FileHandle.standardError.write(Data(escaped(text).utf8))
    }

    /// `text` on a line of its own.
    static func line(_ text: String) {
        write(text + "\n")
    }

    /// One line per item, `prefix` and the item escaped as one line: for lists of problems whose
    /// text carries file names and values from the inventory or the snapshot.
    static func lines<Item>(_ items: [Item], prefix: String = "") {
        guard !items.isEmpty else { return }
        write(items.map { prefix + TextEscaping.terminal("\($0)") }.joined(separator: "\n") + "\n")
    }

    static func escaped(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.starts(with: redrawPrefix.unicodeScalars) else { return TextEscaping.terminalLines(text) }
        let rest = String(String.UnicodeScalarView(scalars.dropFirst(redrawPrefix.unicodeScalars.count)))
        return redrawPrefix + TextEscaping.terminalLines(rest)
    }
}
