import DDIGit
import DDIKit

/// Numbers that cost money and do nothing, longest idle first: what finance can hand back.
public struct HandBackList: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable {
        /// Declared `free`, or declared nowhere.
        case free
        /// Reserved, and the reservation ended.
        case expiredReservation = "expired-reservation"
    }

    /// Since when the numbers of a run have been idle.
    public enum IdleSince: Sendable, Equatable, Comparable {
        /// Idle as long as the history tells: not changed since the day its first commit was made (or
        /// never declared at all), so idle on that day or earlier.
        case orEarlier(Day)
        /// The day the reservation ended, or the day of the last change to the numbers' declaration.
        case day(Day)
        /// No history to tell.
        case unknown
    }

    /// A run of consecutive numbers of one range, idle for the same reason since the same day.
    public struct Run: Sendable, Equatable {
        public var rangeID: String
        public var first: PhoneNumber
        public var last: PhoneNumber
        public var count: UInt64
        public var reason: Reason
        public var idleSince: IdleSince
        public var perNumberMonth: Double
        public var currency: String

        public var monthlyCost: Double { Double(count) * perNumberMonth }
        public var yearlyCost: Double { monthlyCost * 12 }
        public var numbers: String { count == 1 ? first.description : "\(first)..\(last)" }
    }

    /// Every run, longest idle first (since the history began, then oldest day, then unknown), then
    /// largest first (never by cost: currencies do not compare).
    public var runs: [Run]
    /// True when only numbers a live snapshot lists were counted (Calling Plan and Operator Connect).
    public var countsHeldNumbersOnly: Bool
    /// Idle numbers left out because the live snapshot does not list them.
    public var notHeld: UInt64

    public var numbers: UInt64 { runs.reduce(0) { $0 + $1.count } }
    /// What handing back every run saves, per currency.
    public var monthlySaving: [String: Double] { runs.reduce(into: [:]) { $0[$1.currency, default: 0] += $1.monthlyCost } }
    public var yearlySaving: [String: Double] { monthlySaving.mapValues { $0 * 12 } }

    /// `touches`: the history's changes (nil: no history). `held`: the live snapshot's numbers, if any.
    public static func build(inventory: Inventory, today: Day, touches: DeclarationTouches?, held: HeldNumbers?) -> HandBackList {
        build(inventory: inventory, today: today, touches: touches, lastChange: nil, held: held, sweep: CapacityCounter.sweepOrder(inventory))
    }

    /// `sweep`: `CapacityCounter.sweepOrder(inventory)`, made once for the counts and this list;
    /// `lastChange`: `LastChangeMap(touches.touches)` when already built (nil: built here).
    static func build(inventory: Inventory, today: Day, touches: DeclarationTouches?, lastChange prebuilt: LastChangeMap?, held: HeldNumbers?,
                      sweep: (entries: [SweepEntry], lowerKeys: [UInt64])) -> HandBackList {
        let lastChange = touches.map { prebuilt ?? LastChangeMap($0.touches) }
        let (entries, lowerKeys) = sweep
        var runs: [Run] = []
        var notHeld: UInt64 = 0
        for range in inventory.ranges {
            guard let span = range.span?.value, let cost = range.cost, cost.perNumberMonth > 0 else { continue }
            let filter = held.flatMap { held in range.source.map { HeldNumbers.listedSources.contains($0.value) } ?? false ? held : nil }
            var idle: [(lower: UInt64, upper: UInt64, reason: Reason, since: IdleSince?)] = []
            var cursor = span.lowerKey
            var index = CapacityCounter.firstIndex(lowerKeys, atLeast: span.lowerKey)
            while index < entries.count, lowerKeys[index] <= span.upperKey {
                let entry = entries[index]
                index += 1
                let lower = max(entry.lower, cursor), upper = min(entry.upper, span.upperKey)
                guard lower <= upper else { continue }
                if cursor < lower { idle.append((cursor, lower - 1, .free, nil)) }
                switch entry.status {
                case .free:
                    idle.append((lower, upper, .free, nil))
                case .reserved:
                    if let until = entry.until, Policy.isReservationExpired(until: until, today: today) {
                        idle.append((lower, upper, .expiredReservation, .day(until.adding(days: 1))))
                    }
                default:
                    break
                }
                if upper == UInt64.max { break }
                cursor = upper + 1
            }
            if cursor <= span.upperKey { idle.append((cursor, span.upperKey, .free, nil)) }

            for part in idle {
                var dated: [(lower: UInt64, upper: UInt64, since: IdleSince)] = []
                if let since = part.since {
                    dated = [(part.lower, part.upper, since)]
                } else if let lastChange, let touches {
                    dated = lastChange.pieces(part.lower, part.upper).map { piece in
                        (piece.lower, piece.upper, Self.idleSince(piece.day, historyStart: touches.firstDay))
                    }
                } else {
                    dated = [(part.lower, part.upper, .unknown)]
                }
                for piece in dated {
                    var kept = [piece.lower...piece.upper]
                    if let filter {
                        kept = filter.heldRuns(piece.lower, piece.upper)
                        let heldCount = kept.reduce(UInt64(0)) { $0 + ($1.upperBound - $1.lowerBound + 1) }
                        notHeld += (piece.upper - piece.lower + 1) - heldCount
                    }
                    for run in kept {
                        // Adjacent runs idle for the same reason since the same day read as one.
                        if let previous = runs.last, previous.rangeID == range.id.value, previous.reason == part.reason,
                           previous.idleSince == piece.since, previous.last.key &+ 1 == run.lowerBound {
                            runs[runs.count - 1].last = number(run.upperBound, like: span.first)
                            runs[runs.count - 1].count += run.upperBound - run.lowerBound + 1
                            continue
                        }
                        runs.append(Run(
                            rangeID: range.id.value, first: number(run.lowerBound, like: span.first), last: number(run.upperBound, like: span.first),
                            count: run.upperBound - run.lowerBound + 1, reason: part.reason, idleSince: piece.since,
                            perNumberMonth: cost.perNumberMonth, currency: cost.currency
                        ))
                    }
                }
            }
        }
        return HandBackList(runs: longestIdleFirst(runs), countsHeldNumbersOnly: held != nil, notHeld: notHeld)
    }

    /// What orders the runs, in a few words: sorting the runs themselves moved and retained their
    /// strings in every comparison (about 5 % of a large report).
    private struct SortKey {
        /// `IdleSince`'s case, in its declaration order (its synthesized `<` compares the case first).
        var idleCase: UInt8
        var idleDay: Int
        var count: UInt64
        /// `first.key`: a run's numbers never have an extension, so their `<` is their keys'.
        var firstKey: UInt64
        var index: Int
    }

    /// `runs` by `IdleSince` (longest idle first), then largest first, then by first number, keeping
    /// the order of runs equal in all three (as a stable sort does).
    static func longestIdleFirst(_ runs: [Run]) -> [Run] {
        var keys: [SortKey] = []
        keys.reserveCapacity(runs.count)
        for (index, run) in runs.enumerated() {
            let (idleCase, idleDay): (UInt8, Int) = switch run.idleSince {
            case .orEarlier(let day): (0, day.daysSinceEpoch)
            case .day(let day): (1, day.daysSinceEpoch)
            case .unknown: (2, 0)
            }
            keys.append(SortKey(idleCase: idleCase, idleDay: idleDay, count: run.count, firstKey: run.first.key, index: index))
        }
        keys.sort { lhs, rhs in
            if lhs.idleCase != rhs.idleCase { return lhs.idleCase < rhs.idleCase }
            if lhs.idleDay != rhs.idleDay { return lhs.idleDay < rhs.idleDay }
            if lhs.count != rhs.count { return lhs.count > rhs.count }
            if lhs.firstKey != rhs.firstKey { return lhs.firstKey < rhs.firstKey }
            return lhs.index < rhs.index
        }
        return keys.map { runs[$0.index] }
    }

    private static func idleSince(_ lastChange: Day?, historyStart: Day?) -> IdleSince {
        guard let historyStart else { return lastChange.map(IdleSince.day) ?? .unknown }
        guard let lastChange, lastChange > historyStart else { return .orEarlier(historyStart) }
        return .day(lastChange)
    }

    /// The number with key `key`, of the same length as `reference` (keys of one range share it).
    private static func number(_ key: UInt64, like reference: PhoneNumber) -> PhoneNumber {
        PhoneNumber(value: key - UInt64(reference.digitCount) * 10_000_000_000_000_000, digitCount: reference.digitCount)
    }
}
