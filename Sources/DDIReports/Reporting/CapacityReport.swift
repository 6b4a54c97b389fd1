import DDIGit
import DDIKit

/// One row of the report: a range's capacity and its forecasts (for the 90 and 365 day windows).
public struct RangeReport: Sendable, Equatable {
    public var capacity: RangeCapacity
    public var forecasts: [RangeForecast]
}

/// Sums over all ranges. Costs are summed per currency, never across currencies.
public struct TotalReport: Sendable, Equatable {
    public var capacity: RangeCapacity
    public var unusedMonthlyCost: [String: Double]
    public var heldMonthlyCost: [String: Double]
    public var unusedYearlyCost: [String: Double] { unusedMonthlyCost.mapValues { $0 * 12 } }
    /// Ranges without `cost`, whose numbers are not in the cost totals.
    public var rangesWithoutCost: [String]
    public var forecasts: [RangeForecast]
}

/// `ddi report`: capacity, cost of unused numbers, allocation rate and forecast (README "`ddi report`").
public struct CapacityReport: Sendable {
    public var today: Day
    public var tenant: String?
    public var ranges: [RangeReport]
    public var total: TotalReport
    /// Assigned numbers per range over time, oldest first (empty without history).
    public var history: [AssignedSample]
    /// Why there is no history, when there is none ("not a git repository").
    public var historyNote: String?
    /// Idle numbers that cost money, longest idle first: what to hand back.
    public var handBack: HandBackList

    /// `touches`: the history's declaration changes, to date how long free numbers have been idle;
    /// `held`: the numbers a live snapshot lists, to count only numbers the tenant holds.
    public static func build(inventory: Inventory, today: Day, history: [AssignedSample], historyNote: String? = nil,
                             touches: DeclarationTouches? = nil, held: HeldNumbers? = nil) -> CapacityReport {
        build(inventory: inventory, today: today, history: history, historyNote: historyNote, touches: touches, lastChange: nil, held: held)
    }

    /// The report from what `GitHistorySampler` read: its series, note and touches (with the
    /// last-change map it built while the inventory loaded). `sweep`: `startSweep(inventory)`, when
    /// started while the history's series was counted.
    public static func build(inventory: Inventory, today: Day, history: GitHistorySampler.Outcome, sweep: PendingSweep? = nil,
                             held: HeldNumbers? = nil) -> CapacityReport {
        build(inventory: inventory, today: today, history: history.samples, historyNote: history.note, touches: history.touches,
              lastChange: history.lastChange, held: held, sweep: sweep?.value())
    }

    /// Starts ordering `inventory`'s entries for the sweeps (`CapacityCounter.sweepOrder`) on another
    /// thread, for `build(inventory:today:history:sweep:held:)`.
    public static func startSweep(_ inventory: Inventory) -> PendingSweep {
        PendingSweep(Background(placeholder: ([], [])) { CapacityCounter.sweepOrder(inventory) })
    }

    /// `lastChange`: `LastChangeMap(touches.touches)` when already built (nil: built here if needed);
    /// `sweep`: `CapacityCounter.sweepOrder(inventory)` when already made.
    static func build(inventory: Inventory, today: Day, history: [AssignedSample], historyNote: String?,
                      touches: DeclarationTouches?, lastChange: LastChangeMap?, held: HeldNumbers?,
                      sweep prepared: (entries: [SweepEntry], lowerKeys: [UInt64])? = nil) -> CapacityReport {
        let sweep = prepared ?? CapacityCounter.sweepOrder(inventory)
        let capacities = CapacityCounter.count(inventory, today: today, sweep: sweep)
        let samples = history.sorted { $0.day < $1.day }
        let ranges = capacities.map { capacity in
            RangeReport(capacity: capacity, forecasts: Forecast.windows.map {
                Forecast.forecast(samples: samples, today: today, windowDays: $0, current: Int(capacity.assigned), headroom: capacity.headroom, rangeID: capacity.id)
            })
        }
        var sum = RangeCapacity(id: "total", block: "", size: 0)
        var unusedCost: [String: Double] = [:], heldCost: [String: Double] = [:]
        var withoutCost: [String] = []
        for capacity in capacities {
            sum.size += capacity.size
            sum.assigned += capacity.assigned
            sum.reserved += capacity.reserved
            sum.reservedExpired += capacity.reservedExpired
            sum.quarantine += capacity.quarantine
            sum.external += capacity.external
            sum.retired += capacity.retired
            sum.free += capacity.free
            if let cost = capacity.cost {
                unusedCost[cost.currency, default: 0] += capacity.unusedMonthlyCost ?? 0
                heldCost[cost.currency, default: 0] += capacity.heldMonthlyCost ?? 0
            } else {
                withoutCost.append(capacity.id)
            }
        }
        // Only ranges that exist today count in the history's totals.
        let ids = Set(capacities.map(\.id))
        let totalSamples = samples.map { sample in
            AssignedSample(day: sample.day, assignedByRange: ["total": sample.assignedByRange.filter { ids.contains($0.key) }.values.reduce(0, +)])
        }
        let total = TotalReport(
            capacity: sum, unusedMonthlyCost: unusedCost, heldMonthlyCost: heldCost, rangesWithoutCost: withoutCost,
            forecasts: Forecast.windows.map {
                Forecast.forecast(samples: totalSamples, today: today, windowDays: $0, current: Int(sum.assigned), headroom: sum.headroom, rangeID: "total")
            }
        )
        return CapacityReport(today: today, tenant: inventory.config.tenant, ranges: ranges, total: total, history: samples, historyNote: historyNote,
                              handBack: HandBackList.build(inventory: inventory, today: today, touches: touches, lastChange: lastChange, held: held, sweep: sweep))
    }
}

/// The entries being ordered for the sweeps on another thread (`CapacityReport.startSweep`).
public struct PendingSweep: Sendable {
    private let order: Background<(entries: [SweepEntry], lowerKeys: [UInt64])>

    init(_ order: Background<(entries: [SweepEntry], lowerKeys: [UInt64])>) { self.order = order }

    func value() -> (entries: [SweepEntry], lowerKeys: [UInt64]) { order.value() }
}
