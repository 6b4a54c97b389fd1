import DDIKit

/// Compares diagnostics before and after an edit. Lines move when an edit adds or removes lines, so
/// diagnostics are compared by rule, file and message with every `:LINE:COLUMN` taken out.
enum DiagnosticDelta {
    static func added(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        var remaining: [String: Int] = [:]
        for diagnostic in before { remaining[key(diagnostic), default: 0] += 1 }
        var added: [Diagnostic] = []
        for diagnostic in after {
            let key = key(diagnostic)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                added.append(diagnostic)
            }
        }
        return added
    }

    static func key(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.ruleID)|\(diagnostic.severity.rawValue)|\(diagnostic.location.file)|\(withoutPositions(diagnostic.message))"
    }

    /// `a.yaml:12:5` → `a.yaml`, `line 12, column 5` → `line , column `.
    static func withoutPositions(_ message: String) -> String {
        var output = ""
        var iterator = Array(message).makeIterator()
        var pendingColon = false
        while let character = iterator.next() {
            if pendingColon {
                if character.isNumber { continue }
                pendingColon = false
            }
            if character == ":" {
                pendingColon = true
                output.append(character)
                continue
            }
            if character.isNumber, output.hasSuffix("line ") || output.hasSuffix("column ") { continue }
            output.append(character)
        }
        return output.replacingOccurrences(of: ":", with: "")
    }
}
