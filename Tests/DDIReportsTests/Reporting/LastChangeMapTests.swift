import DDIGit
import DDIKit
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
}
