import Foundation

/// "Today" for all date logic: `--today`, else `DDI_TODAY`, else the local calendar date.
public enum Today {
    public enum Problem: Error, CustomStringConvertible {
        case invalid(source: String, text: String)
        public var description: String {
            switch self {
            case .invalid(let source, let text): "\(source) must be a date YYYY-MM-DD, found '\(text)'"
            }
        }
    }

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Day {
        if let option {
            guard let day = Day(iso: option) else { throw Problem.invalid(source: "--today", text: option) }
            return day
        }
        if let text = environment["DDI_TODAY"], !text.isEmpty {
            guard let day = Day(iso: text) else { throw Problem.invalid(source: "DDI_TODAY", text: text) }
            return day
        }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(daysSinceEpoch: 0)
    }
}
