import XCTest
@testable import DDIPlan

final class ValueInternerTests: XCTestCase {
    func testRepeatedValuesAreKeptOnceAndEveryValueComesBackEqual() {
        var interner = ValueInterner<String>()
        let ids = (0..<100).map { "6c063150-c64a-4293-94c3-66206d91f8\(String(format: "%02d", $0 % 7))" }
        XCTAssertEqual(ids.map { interner($0) }, ids)
        XCTAssertEqual(interner.count, 7)
        XCTAssertNil(interner(nil as String?))
    }

    /// An export of ever-new values (hostile or not) never grows the table past its capacity.
    func testTheTableStopsGrowingAtItsCapacity() {
        var interner = ValueInterner<String>()
        for index in 0..<(ValueInterner<String>.capacity + 5_000) {
            XCTAssertEqual(interner("id-\(index)"), "id-\(index)")
        }
        XCTAssertEqual(interner.count, ValueInterner<String>.capacity)
        XCTAssertEqual(interner("id-1"), "id-1")
    }
}
