import DDIGit
import DDIKit
import DDITestSupport
import XCTest
@testable import DDIReports

final class LastChangeMapTests: XCTestCase {
    func day(_ offset: Int) -> Day { Day(daysSinceEpoch: 20_000 + offset) }

    func testTheNewestChangeWinsAndGapsAreNil() {
        let map = LastChangeMap([
            .init(lower: 10, upper: 50, day: day(1)),
            .init(lower: 20, upper: 29, day: day(5)),
            .init(lower: 25, upper: 60, day: day(3)),
            .init(lower: 100, upper: 100, day: day(9)),
        ])
        let pieces = map.pieces(0, 120).map { "\($0.lower)-\($0.upper):\($0.day.map { String($0.daysSinceEpoch - 20_000) } ?? "-")" }
        XCTAssertEqual(pieces, ["0-9:-", "10-19:1", "20-29:5", "30-60:3", "61-99:-", "100-100:9", "101-120:-"])
        XCTAssertEqual(map.pieces(22, 26).map(\.day), [day(5)])
        XCTAssertEqual(map.pieces(200, 300).map(\.day), [nil])
    }

    func testEmptyHistoryAndManyTouchesStayFast() {
        XCTAssertEqual(LastChangeMap([]).pieces(5, 9).count, 1)
        // 20,000 nested touches: painting each elementary interval once keeps this near-linear.
        let touches = (0..<20_000).map { DeclarationTouches.Touch(lower: UInt64($0), upper: UInt64(40_000 - $0), day: day($0 % 700)) }
        let map = LastChangeMap(touches)
        // Key k is covered by touches 0...min(k, 40,000 - k); the newest of them is day min(that, 699).
        XCTAssertEqual(map.pieces(0, 0).first?.day, day(0))
        XCTAssertEqual(map.pieces(5, 5).first?.day, day(5))
        XCTAssertEqual(map.pieces(20_000, 20_000).first?.day, day(699))
        XCTAssertEqual(map.pieces(40_000, 40_000).first?.day, day(0))
        XCTAssertEqual(map.pieces(0, 40_000).count, 699 + 1 + 699)
    }

    /// Every key's day is the newest day of the touches covering it, checked key by key against a
    /// plain scan, on generated touches that share bounds and days, nest, repeat, run backwards
    /// (ignored) or end at the last key (ignored); the bounds are kept once each however often they
    /// repeat.
    func testEveryKeyHasTheNewestDayOfTheTouchesCoveringIt() {
        var generator = SeededGenerator(defaultSeed: 0x4E90_1577)
        for round in 0..<300 {
            var touches: [DeclarationTouches.Touch] = []
            for _ in 0..<Int.random(in: 0...25, using: &generator) {
                let lower = UInt64.random(in: 0...60, using: &generator)
                let upper = [lower, lower + UInt64.random(in: 0...30, using: &generator), lower &- 1, UInt64.max][Int.random(in: 0...3, using: &generator) == 3 ? Int.random(in: 2...3, using: &generator) : Int.random(in: 0...1, using: &generator)]
                touches.append(.init(lower: lower, upper: upper, day: day(Int.random(in: 0...6, using: &generator))))
                if Bool.random(using: &generator), let last = touches.last { touches.append(last) }
            }
            let map = LastChangeMap(touches)
            for key in UInt64(0)...100 {
                let newest = touches.filter { $0.lower <= $0.upper && $0.upper < UInt64.max && $0.lower <= key && key <= $0.upper }.map(\.day).max()
                XCTAssertEqual(map.pieces(key, key).map(\.day), [newest], "round \(round) key \(key) \(generator.replay)")
            }
            XCTAssertTrue(zip(map.intervals, map.intervals.dropFirst()).allSatisfy { $0.upper < $1.lower }, "round \(round): intervals overlap")
            XCTAssertTrue(map.intervals.allSatisfy { $0.lower <= $0.upper }, "round \(round): an empty interval")
        }
    }
}
