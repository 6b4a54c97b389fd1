import DDIGit
import DDIKit

/// The net allocation rate over a window and when a range runs out at that rate.
public struct RangeForecast: Sendable, Equatable {
    public enum RunOut: Sendable, Equatable {
        /// No history to measure a rate from.
        case unknown
        /// The rate is zero or negative.
        case never
        case on(Day)
    }

    public var windowDays: Int
    /// Net numbers assigned per day (new assignments minus releases); nil without history.
    public var perDay: Double?
    /// Days of history the rate is measured over (shorter than the window when history is).
    public var basisDays: Int
    public var runOut: RunOut

    public var perMonth: Double? { perDay.map { $0 * Forecast.daysPerMonth } }
}

public enum Forecast {
    public static let daysPerMonth = 365.25 / 12
    public static let windows = [90, 365]

    /// The rate over the last `windowDays`: the assigned count today minus the count at the start of
    /// the window (the last sample on or before it), divided by the days between. When the history is
    /// younger than the window, the rate runs from the first sample.
    public static func rate(samples: [AssignedSample], today: Day, windowDays: Int, current: Int, rangeID: String?) -> (perDay: Double, basisDays: Int)? {
        let start = today.adding(days: -windowDays)
        let ordered = samples.filter { $0.day <= today }.sorted { $0.day < $1.day }
        guard let first = ordered.first else { return nil }
        let baseline = ordered.last(where: { $0.day <= start }) ?? first
        let baselineDay = max(baseline.day, start)
        let days = baselineDay.days(until: today)
        guard days > 0 else { return nil }
        let then = rangeID.map { baseline.assignedByRange[$0] ?? 0 } ?? baseline.total
        return (Double(current - then) / Double(days), days)
    }

    /// When `headroom` numbers are used up at `perDay`.
    public static func runOut(headroom: UInt64, perDay: Double?, today: Day) -> RangeForecast.RunOut {
        guard let perDay else { return .unknown }
        guard perDay > 0 else { return .never }
        if headroom == 0 { return .on(today) }
        let days = (Double(headroom) / perDay).rounded(.up)
        // Beyond the calendar (year 9999) is as good as never.
        guard days < 2_900_000 else { return .never }
        return .on(today.adding(days: Int(days)))
    }

    public static func forecast(samples: [AssignedSample], today: Day, windowDays: Int, current: Int, headroom: UInt64, rangeID: String?) -> RangeForecast {
        let measured = rate(samples: samples, today: today, windowDays: windowDays, current: current, rangeID: rangeID)
        return RangeForecast(
            windowDays: windowDays, perDay: measured?.perDay, basisDays: measured?.basisDays ?? 0,
            runOut: runOut(headroom: headroom, perDay: measured?.perDay, today: today)
        )
    }
}
