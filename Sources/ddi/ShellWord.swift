import DDIKit

/// A word of a command line ddi suggests ("apply it with: ddi apply 'my plan.json' ..."), quoted for
/// a POSIX shell and then escaped for the terminal, so a path with spaces or quotes reads as one word
/// and a control character never reaches the terminal.
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "@%+=:,./_-".unicodeScalars.contains(scalar))
        }
        let quoted = safe ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        return TextEscaping.terminal(quoted)
    }

    static func line(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }
}
