import DDIKit
import Foundation

/// The report as JSON (snake_case keys; rates are net assigned numbers per month; run-out dates are
/// `YYYY-MM-DD`, `"never"`, or null when there is no history to measure a rate).
struct JSONReportRenderer {
    let report: CapacityReport

    struct Cost: Encodable {
        var per_number_month: Double
        var currency: String
        var unused_monthly: Double
        var unused_yearly: Double
        var held_monthly: Double
    }

    struct HandBackRun: Encodable {
        var range: String
        var first: String
        var last: String
        var count: UInt64
        var reason: String
        /// `YYYY-MM-DD`, or null without history.
        var idle_since: String?
        /// True when the numbers have not changed since the history began: idle on that day or earlier.
        var idle_since_or_earlier: Bool
        var monthly_cost: Double
        var yearly_cost: Double
        var currency: String
    }

    struct HandBack: Encodable {
        var numbers: UInt64
        var monthly_saving: [String: Double]
        var yearly_saving: [String: Double]
        var counts_held_numbers_only: Bool
        var not_held: UInt64
        var runs: [HandBackRun]
    }

    struct ForecastOutput: Encodable {
        var window_days: Int
        var basis_days: Int
        var rate_per_month: Double?
        var runs_out: String?
    }

    struct Row: Encodable {
        var id: String
        var block: String?
        var source: String?
        var site: String?
        var size: UInt64
        var assigned: UInt64
        var reserved: UInt64
        var reserved_expired: UInt64
        var quarantine: UInt64
        var free: UInt64
        var external: UInt64
        var retired: UInt64
        var held: UInt64
        var unused: UInt64
        var headroom: UInt64
        var utilisation: Double
        var cost: Cost?
        var forecast: [ForecastOutput]
    }

    struct Total: Encodable {
        var figures: Row
        var unused_monthly_cost: [String: Double]
        var unused_yearly_cost: [String: Double]
        var held_monthly_cost: [String: Double]
        var ranges_without_cost: [String]
    }

    struct HistoryPoint: Encodable {
        var date: String
        var assigned: [String: Int]
    }

    struct Output: Encodable {
        var today: String
        var tenant: String?
        var ranges: [Row]
        var total: Total
        var history: [HistoryPoint]
        var history_note: String?
        var hand_back: HandBack
    }

    func render() throws(OutputError) -> String {
        try JSONOutput.encode(output())
    }

    /// `render()`'s text as bytes, written by `JSONReportWriter` without `Encodable`; a value JSON
    /// cannot hold (an infinite cost) goes the `Encodable` way, which refuses it with its own error.
    /// `ReportBytesTests` compares the two ways on every golden, example and generated report.
    func renderedBytes() throws(OutputError) -> [UInt8] {
        try renderedBytes(splitAt: 20_000)
    }

    /// `splitAt`: from how many runs `JSONReportWriter` writes half of them on another thread.
    func renderedBytes(splitAt: Int) throws(OutputError) -> [UInt8] {
        if let bytes = JSONReportWriter.write(output(withRuns: false), runs: report.handBack.runs, splitAt: splitAt) { return bytes }
        return try encodedBytes()
    }

    /// `render()`'s text as bytes, by `JSONBytesEncoder`: the `Encodable` way `renderedBytes` must match.
    func encodedBytes() throws(OutputError) -> [UInt8] {
        try JSONBytesOutput.encode(output())
    }

    /// `withRuns: false` leaves `hand_back.runs` empty, for `JSONReportWriter`, which writes the runs
    /// from the list itself (`HandBackRun.Fields`).
    func output(withRuns: Bool = true) -> Output {
        Output(
            today: report.today.description,
            tenant: report.tenant,
            ranges: report.ranges.map { row($0.capacity, $0.forecasts, isTotal: false) },
            total: Total(
                figures: row(report.total.capacity, report.total.forecasts, isTotal: true),
                unused_monthly_cost: report.total.unusedMonthlyCost.mapValues { round2($0) },
                unused_yearly_cost: report.total.unusedYearlyCost.mapValues { round2($0) },
                held_monthly_cost: report.total.heldMonthlyCost.mapValues { round2($0) },
                ranges_without_cost: report.total.rangesWithoutCost
            ),
            history: report.history.map { HistoryPoint(date: $0.day.description, assigned: $0.assignedByRange) },
            history_note: report.historyNote,
            hand_back: handBack(withRuns: withRuns)
        )
    }

    private func row(_ c: RangeCapacity, _ forecasts: [RangeForecast], isTotal: Bool) -> Row {
        Row(
            id: c.id, block: isTotal ? nil : c.block, source: c.source, site: c.site,
            size: c.size, assigned: c.assigned, reserved: c.reserved, reserved_expired: c.reservedExpired,
            quarantine: c.quarantine, free: c.free, external: c.external, retired: c.retired,
            held: c.held, unused: c.unused, headroom: c.headroom,
            utilisation: (c.utilisation * 10000).rounded() / 10000,
            cost: c.cost.map { Cost(per_number_month: $0.perNumberMonth, currency: $0.currency,
                                    unused_monthly: round2(c.unusedMonthlyCost ?? 0), unused_yearly: round2(c.unusedYearlyCost ?? 0), held_monthly: round2(c.heldMonthlyCost ?? 0)) },
            forecast: forecasts.map { forecast in
                let runsOut: String? = switch forecast.runOut {
                case .unknown: nil
                case .never: "never"
                case .on(let day): day.description
                }
                return ForecastOutput(window_days: forecast.windowDays, basis_days: forecast.basisDays,
                                      rate_per_month: forecast.perMonth.map { ($0 * 100).rounded() / 100 }, runs_out: runsOut)
            }
        )
    }

    private func handBack(withRuns: Bool) -> HandBack {
        let list = report.handBack
        let runs: [HandBackRun] = !withRuns ? [] : list.runs.map { run in
            let fields = HandBackRun.Fields(run)
            return HandBackRun(range: run.rangeID, first: run.first.description, last: run.last.description, count: run.count,
                               reason: run.reason.rawValue, idle_since: fields.idleSince?.description, idle_since_or_earlier: fields.idleSinceOrEarlier,
                               monthly_cost: fields.monthlyCost, yearly_cost: fields.yearlyCost, currency: run.currency)
        }
        return HandBack(numbers: list.numbers, monthly_saving: list.monthlySaving.mapValues { round2($0) },
                        yearly_saving: list.yearlySaving.mapValues { round2($0) }, counts_held_numbers_only: list.countsHeldNumbersOnly,
                        not_held: list.notHeld, runs: runs)
    }

    private func round2(_ value: Double) -> Double { Self.round2(value) }

    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}

extension JSONReportRenderer.HandBackRun {
    /// What a run's JSON says that is not one of its own fields, computed once for both writers.
    struct Fields {
        var idleSince: Day?
        var idleSinceOrEarlier: Bool
        var monthlyCost: Double
        var yearlyCost: Double

        init(_ run: HandBackList.Run) {
            switch run.idleSince {
            case .orEarlier(let start): (idleSince, idleSinceOrEarlier) = (start, true)
            case .day(let day): (idleSince, idleSinceOrEarlier) = (day, false)
            case .unknown: (idleSince, idleSinceOrEarlier) = (nil, false)
            }
            monthlyCost = JSONReportRenderer.round2(run.monthlyCost)
            yearlyCost = JSONReportRenderer.round2(run.yearlyCost)
        }
    }
}
