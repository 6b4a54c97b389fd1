import ArgumentParser
import DDIKit
import Foundation

/// Dates on the command line (`--today`, `--until`, DDI_TODAY): a text that has the shape
/// YYYY-MM-DD but names no day of the calendar (2026-02-30) is "not a real date", not a format error.
enum DateArgument {
    static func today(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Day {
        do {
            return try Today.resolve(option: option, environment: environment)
        } catch Today.Problem.invalid(let source, let text) {
            throw ValidationError(problem(source: source, text: text))
        }
    }

    static func day(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError(problem(source: option, text: text)) }
        return day
    }

    static func problem(source: String, text: String) -> String {
        let shown = TextEscaping.terminal(text)
        guard hasDateShape(text) else { return "\(source) must be a date YYYY-MM-DD, found '\(shown)'" }
        return "\(source) \(shown) is not a real date\(monthLength(of: text).map { " (that month has \($0) days)" } ?? "")"
    }

    static func hasDateShape(_ text: String) -> Bool {
        text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil
    }

    /// The number of days of the text's month, when year and month are real.
    static func monthLength(of text: String) -> Int? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return nil }
        return (28...31).last { Day(year: parts[0], month: parts[1], day: $0) != nil }
    }
}
