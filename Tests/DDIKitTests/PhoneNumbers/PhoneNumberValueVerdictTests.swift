import DDITestSupport
import XCTest
@testable import DDIKit

/// DDI002 asks the validator about a parsed number's value (`isValid(_:)`, `isValid(_:region:)`)
/// instead of its digits as text: both must give the text form's verdict for every number.
final class PhoneNumberValueVerdictTests: XCTestCase {
    private let validator = PhoneNumberValidator.shared
    private let regions = ["DK", "SE", "US", "CA", "GB", "JE", "RU", "KZ", "IT", "VA", "DE", "NO", "SJ", "001", "ZZ", ""]

    private func assertSameVerdicts(_ number: PhoneNumber, line: UInt = #line) {
        let digits = Substring(number.digits)
        XCTAssertEqual(validator.isValid(number), validator.isValid(e164Digits: digits), "+\(digits)", line: line)
        for region in regions {
            XCTAssertEqual(validator.isValid(number, region: region), validator.isValid(e164Digits: digits, region: region),
                           "+\(digits) in \(region)", line: line)
        }
    }

    func testFixtureNumbersGiveTheSameVerdicts() throws {
        let root = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let text = try String(contentsOf: root.appendingPathComponent("phonenumbers/numbers.tsv"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") where line.hasPrefix("+") {
            guard let field = line.split(separator: "\t").first, case .success(let number) = PhoneNumber.parse(field) else { continue }
            assertSameVerdicts(number)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 2_000)
    }

    func testRandomAndOddValuesGiveTheSameVerdicts() {
        var random = SeededGenerator(defaultSeed: 0xD1D2)
        for _ in 0..<3_000 {
            let digitCount = Int.random(in: 0...22, using: &random)
            let value = UInt64.random(in: 0...UInt64.max, using: &random) % (Int.random(in: 0...1, using: &random) == 0 ? 10_000_000_000_000 : UInt64.max)
            assertSameVerdicts(PhoneNumber(value: value, digitCount: digitCount))
        }
        // Values shorter than their digit count (zero-padded), longer than it, and the shortest.
        for (value, count) in [(0, 0), (0, 2), (7, 1), (45, 2), (45, 5), (4533121000, 3), (4533121000, 12), (1, 20), (123, 21),
                               (UInt64.max, 1), (4533121900, 10), (12025550123, 11), (80012345678, 11)] as [(UInt64, Int)] {
            assertSameVerdicts(PhoneNumber(value: value, digitCount: count))
        }
    }
}
