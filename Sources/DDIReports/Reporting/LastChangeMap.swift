import DDIGit
import DDIKit

/// The day each number's declaration last changed, as disjoint intervals of number keys: built once
/// from every change in the history (newest first, each interval painted once), so that asking about
/// a run of free numbers costs a binary search, never a pass over the history.
struct LastChangeMap {
    /// Sorted, disjoint; adjacent intervals may share a day.
    private(set) var intervals: [(lower: UInt64, upper: UInt64, day: Day)] = []

    init(_ touches: [DeclarationTouches.Touch]) {
        // Sorted, then without repeats: the same bounds a set gave, without hashing 2 per touch.
        var points: [UInt64] = []
        points.reserveCapacity(touches.count * 2)
        for touch in touches where touch.lower <= touch.upper && touch.upper < UInt64.max {
            points.append(touch.lower)
            points.append(touch.upper + 1)
        }
        points.sort()
        var bounds: [UInt64] = []
        bounds.reserveCapacity(points.count)
        for point in points where bounds.last != point { bounds.append(point) }
        guard bounds.count > 1 else { return }
        var days = [Day?](repeating: nil, count: bounds.count)
        // next[i]: the first elementary interval at or after i that is not painted yet.
        var next = Array(0...bounds.count)
        func unpainted(_ start: Int) -> Int {
            var index = start
            while next[index] != index { index = next[index] }
            var walk = start
            while next[walk] != index {
                let step = next[walk]
                next[walk] = index
                walk = step
            }
            return index
        }
        for touch in touches.sorted(by: { $0.day > $1.day }) where touch.lower <= touch.upper && touch.upper < UInt64.max {
            var index = unpainted(CapacityCounter.firstIndex(bounds, atLeast: touch.lower))
            while index < bounds.count - 1, bounds[index] <= touch.upper {
                days[index] = touch.day
                next[index] = index + 1
                index = unpainted(index + 1)
            }
        }
        for index in 0..<(bounds.count - 1) {
            guard let day = days[index] else { continue }
            intervals.append((bounds[index], bounds[index + 1] - 1, day))
        }
    }

    /// `lower...upper` cut where the last change differs; nil where no change ever touched it.
    func pieces(_ lower: UInt64, _ upper: UInt64) -> [(lower: UInt64, upper: UInt64, day: Day?)] {
        var result: [(lower: UInt64, upper: UInt64, day: Day?)] = []
        func add(_ from: UInt64, _ to: UInt64, _ day: Day?) {
            if let last = result.last, last.day == day, last.upper &+ 1 == from {
                result[result.count - 1].upper = to
            } else {
                result.append((from, to, day))
            }
        }
        var cursor = lower
        var low = 0, high = intervals.count
        while low < high {
            let middle = (low + high) / 2
            if intervals[middle].upper < lower { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < intervals.count, intervals[index].lower <= upper, cursor <= upper {
            let interval = intervals[index]
            index += 1
            let from = max(interval.lower, cursor), to = min(interval.upper, upper)
            guard from <= to else { continue }
            if cursor < from { add(cursor, from - 1, nil) }
            add(from, to, interval.day)
            if to == UInt64.max { return result }
            cursor = to + 1
        }
        if cursor <= upper { add(cursor, upper, nil) }
        return result
    }
}
