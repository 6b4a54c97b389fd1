import XCTest
@testable import DDIKit

final class PhoneNumberDigitPatternTests: XCTestCase {
    private func matches(_ pattern: String, _ input: String, prefix: Bool = false,
                         file: StaticString = #filePath, line: UInt = #line) -> Bool {
        guard let compiled = DigitPattern(pattern) else {
            XCTFail("\(pattern) does not compile", file: file, line: line)
            return false
        }
        let digits = input.utf8.map { $0 - UInt8(ascii: "0") }
        return digits.withUnsafeBufferPointer { prefix ? compiled.matchesPrefix($0) : compiled.matches($0) }
    }

    func testLiteralsClassesAndQuantifiers() {
        XCTAssertTrue(matches("45", "45"))
        XCTAssertFalse(matches("45", "4"))
        XCTAssertFalse(matches("45", "456"))
        XCTAssertTrue(matches("[2-9]\\d{7}", "33121000"))
        XCTAssertFalse(matches("[2-9]\\d{7}", "13121000"))
        XCTAssertFalse(matches("[2-9]\\d{7}", "3312100"))
        XCTAssertTrue(matches("[02-46-9]", "0"))
        XCTAssertFalse(matches("[02-46-9]", "5"))
        XCTAssertTrue(matches("[^0]", "7"))
        XCTAssertFalse(matches("[^0-8]", "5"))
        XCTAssertTrue(matches("[\\d]", "5"))
        XCTAssertTrue(matches("\\d{2,4}", "12"))
        XCTAssertTrue(matches("\\d{2,4}", "1234"))
        XCTAssertFalse(matches("\\d{2,4}", "1"))
        XCTAssertFalse(matches("\\d{2,4}", "12345"))
        XCTAssertTrue(matches("\\d{3,}", "123456789"))
        XCTAssertFalse(matches("\\d{3,}", "12"))
        XCTAssertTrue(matches("8\\d{6}(?:\\d{2})?", "8123456"))
        XCTAssertTrue(matches("8\\d{6}(?:\\d{2})?", "812345678"))
        XCTAssertFalse(matches("8\\d{6}(?:\\d{2})?", "81234567"))
        XCTAssertTrue(matches("1*2+3", "223"))
        XCTAssertTrue(matches("1*2+3", "11123"))
        XCTAssertFalse(matches("1*2+3", "113"))
        XCTAssertTrue(matches("(12)?3", "123"))
        XCTAssertTrue(matches(".5", "95"))
        XCTAssertTrue(matches("", ""))
        XCTAssertFalse(matches("", "1"))
        XCTAssertFalse(matches("a1", "1"))
    }

    func testAlternationAndGroups() {
        let pattern = "(?:2(?:[0-59][1-9]|[6-8]\\d)|3(?:[0-3][1-9]|4[13]))\\d{5}"
        XCTAssertTrue(matches(pattern, "20100000"))
        XCTAssertTrue(matches(pattern, "27012345"))
        XCTAssertTrue(matches(pattern, "34312345"))
        XCTAssertFalse(matches(pattern, "34212345"))
        XCTAssertFalse(matches(pattern, "20012345"))
        XCTAssertTrue(matches("1|22|333", "22"))
        XCTAssertFalse(matches("1|22|333", "3"))
        XCTAssertTrue(matches("(?:1|)2", "2"))
        XCTAssertTrue(matches("(?:)", ""))
    }

    func testPrefixMatch() {
        XCTAssertTrue(matches("268", "2684601234", prefix: true))
        XCTAssertFalse(matches("268", "2674601234", prefix: true))
        XCTAssertTrue(matches("74576|(?:16|7[56])24", "7624123456", prefix: true))
        XCTAssertFalse(matches("74576|(?:16|7[56])24", "7425123456", prefix: true))
        XCTAssertTrue(matches("1[03-79]|[2-9]", "5", prefix: true))
        XCTAssertFalse(matches("1[03-79]|[2-9]", "", prefix: true))
        XCTAssertTrue(matches("\\d?", "", prefix: true))
    }

    func testPathologicalPatternsStayFast() {
        // Exponential for a naive backtracker; memoisation keeps it at program size x input length.
        XCTAssertFalse(matches("(?:\\d?){17}\\d{17}1", "12345678901234567"))
        XCTAssertFalse(matches("(?:\\d*)*2", "11111111111111111"))
        XCTAssertTrue(matches("(?:\\d*)*1", "11111111111111111"))
        XCTAssertTrue(matches("(?:(?:\\d?)+)*\\d{3}", "12345678901234567"))
    }

    func testInputLimits() {
        XCTAssertFalse(matches("\\d*", String(repeating: "1", count: DigitPattern.maximumInputLength + 1)))
        XCTAssertTrue(matches("\\d*", String(repeating: "1", count: DigitPattern.maximumInputLength)))
    }

    func testUnsupportedSyntaxDoesNotCompile() {
        for pattern in ["(", ")", "(?:1", "[12", "1{2", "1{3,2}", "\\1", "\\w", "^1", "1$", "*1", "1{99}", "(?=1)",
                        "[5-3]", "|{", "[\\"] {
            XCTAssertNil(DigitPattern(pattern), pattern)
        }
    }
}
