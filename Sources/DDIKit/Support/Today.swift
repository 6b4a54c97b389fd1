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
        return localCalendarDay()
    }

    /// The local calendar date from the C library (`TZ`, else `/etc/localtime`), as Foundation's
    /// `Calendar.current` gives it: asking Foundation loads ICU's calendar and time zone data, a
    /// measurable part of a small `ddi validate` (issue 15).
    static func localCalendarDay(at seconds: time_t = time(nil)) -> Day {
        var clock = seconds
        var parts = tm()
        guard localtime_r(&clock, &parts) != nil else { return Day(daysSinceEpoch: Int(seconds / 86_400)) }
        return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(daysSinceEpoch: 0)
    }
}
