import DDIKit

/// How a scalar is written in the file.
public enum ScalarStyle: Sendable, Equatable {
    case plain, doubleQuoted, singleQuoted
}

/// Writes scalar values so that libyaml reads back exactly the given text, in the file's own style
/// where that is safe, double-quoted otherwise.
enum ScalarWriter {
    /// `preferred` is the style the file uses for this kind of value (numbers quoted, for example); nil
    /// means plain when safe.
    static func render(_ text: String, preferred: ScalarStyle? = nil, inFlow: Bool = false) -> String {
        switch preferred {
        case .doubleQuoted?: return doubleQuoted(text)
        case .singleQuoted?: return canBeSingleQuoted(text) ? singleQuoted(text) : doubleQuoted(text)
        case .plain?, nil: return canBePlain(text, inFlow: inFlow) ? text : doubleQuoted(text)
        }
    }

    static func doubleQuoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }

    static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func canBeSingleQuoted(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { isPrintable($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }
    }

    /// Plain only when the text cannot be mistaken for anything else: no indicator at the start, no
    /// `: ` or ` #` inside, nothing that reads as null or a boolean, no flow indicators in flow style.
    static func canBePlain(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) && !(first == "+" ) { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t#") || text.hasSuffix(":") { return false }
        if inFlow && text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        let reserved: Set<String> = ["~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                                     "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"]
        if reserved.contains(text) { return false }
        return text.unicodeScalars.allSatisfy { isPrintable($0) && $0.value >= 0x20 && $0.value != 0x7F }
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool { YAMLQuoting.isPrintable(scalar) }
}
