/// Splits PowerShell text the way PowerShell's own tokenizer does where it matters for injection:
/// single-quoted string literals, comments, and everything else ("code"). It works on UTF-16 code
/// units, as PowerShell does (a .NET string), never on Swift `Character`s.
///
/// The rules, from PowerShell's `Tokenizer.ScanStringLiteral` and `CharExtensions.IsSingleQuote`:
/// a single-quoted literal starts at any of `'` U+2018 U+2019 U+201A U+201B; inside it, one of
/// those followed by another one of those stands for the second; one alone ends the literal.
/// Outside a literal, `#` starts a comment that runs to the end of the line.
struct PowerShellTokenizer {
    enum Token: Equatable, CustomStringConvertible {
        case code(String)
        case literal(String)
        case comment(String)

        /// Code unit by code unit: Swift's `==` on strings would take "e" + U+0301 for "é".
        static func == (lhs: Token, rhs: Token) -> Bool {
            switch (lhs, rhs) {
            case (.code(let a), .code(let b)), (.literal(let a), .literal(let b)), (.comment(let a), .comment(let b)):
                Array(a.utf16) == Array(b.utf16)
            default:
                false
            }
        }

        var description: String {
            switch self {
            case .code(let text): "code(\(text.debugDescription))"
            case .literal(let text): "literal(\(text.debugDescription))"
            case .comment(let text): "comment(\(text.debugDescription))"
            }
        }
    }

    static let quoteUnits: Set<UInt16> = [0x27, 0x2018, 0x2019, 0x201A, 0x201B]

    var tokens: [Token] = []
    /// True when the text ends inside a literal.
    var unterminated = false

    init(_ text: String) {
        let units = Array(text.utf16)
        var index = 0
        var code: [UInt16] = []
        func flushCode() {
            if !code.isEmpty { tokens.append(.code(String(decoding: code, as: UTF16.self))) }
            code = []
        }
        while index < units.count {
            let unit = units[index]
            if Self.quoteUnits.contains(unit) {
                flushCode()
                var value: [UInt16] = []
                index += 1
                var closed = false
                while index < units.count {
                    let inner = units[index]
                    if Self.quoteUnits.contains(inner) {
                        if index + 1 < units.count, Self.quoteUnits.contains(units[index + 1]) {
                            value.append(units[index + 1])
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    value.append(inner)
                    index += 1
                }
                tokens.append(.literal(String(decoding: value, as: UTF16.self)))
                if !closed { unterminated = true }
            } else if unit == 0x23 {
                flushCode()
                var comment: [UInt16] = []
                while index < units.count, units[index] != 0x0A, units[index] != 0x0D {
                    comment.append(units[index])
                    index += 1
                }
                tokens.append(.comment(String(decoding: comment, as: UTF16.self)))
            } else {
                code.append(unit)
                index += 1
            }
        }
        flushCode()
    }

    var literals: [String] {
        tokens.compactMap { if case .literal(let value) = $0 { value } else { nil } }
    }

    /// The text with every literal replaced by `''`: what PowerShell parses as code and comments.
    /// Compare skeletons with `==` on `Array(utf16)`, not on `String`.
    var skeleton: String {
        tokens.map { token in
            switch token {
            case .code(let text), .comment(let text): text
            case .literal: "''"
            }
        }.joined()
    }
}
