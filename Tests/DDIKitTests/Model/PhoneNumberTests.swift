import XCTest
@testable import DDIKit

final class PhoneNumberTests: XCTestCase {
    func testParsesNumbersAndExtensions() throws {
        let number = try PhoneNumber.parse("+4533121000").get()
        XCTAssertEqual(number.digitCount, 10)
        XCTAssertEqual(number.description, "+4533121000")
        let withExtension = try PhoneNumber.parse("+4586201000;ext=204").get()
        XCTAssertEqual(withExtension.phoneExtension, "204")
        XCTAssertEqual(withExtension.description, "+4586201000;ext=204")
    }

    func testRejectsMalformedNumbers() {
        for text in ["4533121000", "+", "+0451", "+45 33 12", "+1234567890123456", "+4533121000;ext=", "+4533121000;ext=12a", "++45"] {
            guard case .failure = PhoneNumber.parse(Substring(text)) else { return XCTFail("\(text) should be rejected") }
        }
    }

    func testBlocksAreIntervals() throws {
        let block = try NumberSpan.parseBlock("+4533121100..+4533121149").get()
        XCTAssertEqual(block.count, 50)
        let inside = NumberSpan(single: try PhoneNumber.parse("+4533121120").get())
        XCTAssertTrue(block.contains(inside))
        XCTAssertTrue(block.overlaps(inside))
        let shorter = NumberSpan(single: try PhoneNumber.parse("+453312112").get())
        XCTAssertFalse(block.overlaps(shorter), "numbers of other lengths never overlap")
    }

    func testRejectsBadBlocks() {
        for text in ["+4533121149..+4533121100", "+4533121100..+45331211499", "+4533121100", "+4533121100;ext=1..+4533121101"] {
            guard case .failure = NumberSpan.parseBlock(Substring(text)) else { return XCTFail("\(text) should be rejected") }
        }
    }
}

final class DayTests: XCTestCase {
    func testParsesAndPrintsCalendarDates() throws {
        let day = try XCTUnwrap(Day(iso: "2026-11-27"))
        XCTAssertEqual(day.description, "2026-11-27")
        XCTAssertEqual(day.adding(days: 35).description, "2027-01-01")
        XCTAssertEqual(Day(iso: "2024-02-29")?.description, "2024-02-29")
        XCTAssertEqual(Day(iso: "1970-01-01")?.daysSinceEpoch, 0)
    }

    func testRejectsImpossibleDates() {
        for text in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-1", "26-01-01", "2026-01-32", "2026/01/01"] {
            XCTAssertNil(Day(iso: text), text)
        }
    }
}
