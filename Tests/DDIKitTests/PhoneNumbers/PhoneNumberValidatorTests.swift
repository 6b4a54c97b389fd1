import Foundation
import XCTest
@testable import DDIKit

final class PhoneNumberValidatorTests: XCTestCase {
    private let validator = PhoneNumberValidator.shared

    private struct FixtureCase {
        var line: Int
        var digits: Substring
        var valid: Bool
        var region: String
        var regions: [String]
    }

    private struct Fixture {
        var version: String
        var cases: [FixtureCase]
    }

    private func loadFixture() throws -> Fixture {
        let root = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let url = root.appendingPathComponent("phonenumbers").appendingPathComponent("numbers.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var version = ""
        var cases: [FixtureCase] = []
        for (offset, line) in text.split(separator: "\n").enumerated() {
            if line.hasPrefix("#") {
                if version.isEmpty, let range = line.range(of: "from phonenumbers ") {
                    version = String(line[range.upperBound...].prefix { $0 != " " })
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 4, "line \(offset + 1): \(line)")
            guard fields.count == 4, fields[0].first == "+" else { continue }
            XCTAssertTrue(fields[1] == "valid" || fields[1] == "invalid", "line \(offset + 1)")
            cases.append(FixtureCase(
                line: offset + 1,
                digits: fields[0].dropFirst(),
                valid: fields[1] == "valid",
                region: String(fields[2]),
                regions: fields[3].split(separator: ",").map(String.init)))
        }
        return Fixture(version: version, cases: cases)
    }

    // MARK: - Agreement with libphonenumber

    func testFixtureAgreesWithLibphonenumber() throws {
        let fixture = try loadFixture()
        let cases = fixture.cases
        let regions = Set(cases.flatMap(\.regions)).subtracting(["001"])
        XCTAssertGreaterThanOrEqual(cases.count, 2000)
        XCTAssertGreaterThanOrEqual(regions.count, 30)
        let validCount = cases.filter(\.valid).count
        XCTAssertGreaterThan(validCount, cases.count / 3)
        XCTAssertGreaterThan(cases.count - validCount, cases.count / 3)

        var agree = 0
        var regionsAgree = 0
        var disagreements: [String] = []
        for item in cases {
            let valid = validator.isValid(e164Digits: item.digits)
            let found = validator.validRegions(e164Digits: item.digits)
            if valid == item.valid {
                agree += 1
            } else {
                disagreements.append("line \(item.line): +\(item.digits) libphonenumber \(item.valid), ddi \(valid)")
            }
            if found == item.regions { regionsAgree += 1 }
            XCTAssertEqual(valid, !found.isEmpty, "+\(item.digits)")
            XCTAssertEqual(found.first ?? "", item.region, "line \(item.line): +\(item.digits)")
        }
        let share = Double(agree) / Double(cases.count)
        print(String(format: "phonenumbers fixture: %d/%d verdicts agree (%.2f%%), %d/%d region lists agree; %d regions",
                     agree, cases.count, share * 100, regionsAgree, cases.count, regions.count))
        XCTAssertGreaterThanOrEqual(share, 0.99, disagreements.prefix(20).joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(Double(regionsAgree) / Double(cases.count), 0.99)
    }

    func testRegionVerdictsMatchFixture() throws {
        let cases = try loadFixture().cases
        // Every region of a number's calling code: valid exactly for the regions libphonenumber lists.
        let probe = ["US", "CA", "AG", "PR", "GB", "GG", "IM", "JE", "RU", "KZ", "IT", "VA", "NO", "SJ", "FI", "AX",
                     "DK", "SE", "DE", "001"]
        var checked = 0
        var agree = 0
        for item in cases {
            for region in probe {
                checked += 1
                if validator.isValid(e164Digits: item.digits, region: region) == item.regions.contains(region) {
                    agree += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(Double(agree) / Double(checked), 0.99)
    }

    func testFixtureWasGeneratedFromTheSameMetadata() throws {
        XCTAssertEqual(try loadFixture().version, PhoneNumberValidator.metadataVersion,
                       "regenerate both files with scripts/generate_phone_metadata.py")
    }

    // MARK: - Metadata

    func testAllMetadataCompiles() {
        let store = PhoneMetadataStore.shared
        XCTAssertEqual(store.rejectedLines, [])
        XCTAssertGreaterThanOrEqual(store.regionIndex.count, 240)
        XCTAssertEqual(PhoneNumberValidator.metadataVersion.split(separator: ".").count, 3)
        XCTAssertEqual(store.regions.count, store.regionNames.count)
        for (metadata, name) in zip(store.regions, store.regionNames) {
            XCTAssertNotNil(metadata.general.pattern, name)
            XCTAssertLessThan(metadata.typesStart, metadata.typesEnd, name)
        }
    }

    func testCallingCodesAndRegions() {
        XCTAssertEqual(validator.callingCode(forRegion: "DK"), 45)
        XCTAssertEqual(validator.callingCode(forRegion: "US"), 1)
        XCTAssertEqual(validator.callingCode(forRegion: "CA"), 1)
        XCTAssertEqual(validator.callingCode(forRegion: "GG"), 44)
        XCTAssertEqual(validator.callingCode(forRegion: "KZ"), 7)
        XCTAssertNil(validator.callingCode(forRegion: "XX"))
        XCTAssertNil(validator.callingCode(forRegion: "001"))
        XCTAssertNil(validator.callingCode(forRegion: "dk"))
        XCTAssertNil(validator.callingCode(forRegion: ""))
        XCTAssertTrue(validator.isKnownRegion("SE"))
        XCTAssertFalse(validator.isKnownRegion("ZZ"))
        XCTAssertFalse(validator.isKnownRegion("001"))
        XCTAssertFalse(validator.isKnownRegion("DNK"))
    }

    // MARK: - Verdicts

    func testKnownNumbers() {
        XCTAssertEqual(validator.validRegions(e164Digits: "4533121000"), ["DK"])
        XCTAssertEqual(validator.validRegions(e164Digits: "4520121000"), ["DK"])
        XCTAssertEqual(validator.validRegions(e164Digits: "12015550123"), ["US"])
        XCTAssertEqual(validator.validRegions(e164Digits: "14165550123"), ["CA"])
        XCTAssertEqual(validator.validRegions(e164Digits: "441481256789"), ["GG"])
        XCTAssertEqual(validator.validRegions(e164Digits: "442079460000"), ["GB"])
        XCTAssertEqual(validator.validRegions(e164Digits: "79123456789"), ["RU"])
        XCTAssertEqual(validator.validRegions(e164Digits: "77012345678"), ["KZ"])
        XCTAssertEqual(validator.validRegions(e164Digits: "390669812345"), ["VA"])
        XCTAssertEqual(validator.validRegions(e164Digits: "390612345678"), ["IT"])
        XCTAssertEqual(validator.validRegions(e164Digits: "80012345678"), ["001"])
        // Toll free +1 800 is valid for every NANPA region, US first.
        let tollFree = validator.validRegions(e164Digits: "18002345678")
        XCTAssertEqual(tollFree.first, "US")
        XCTAssertEqual(tollFree.count, 25)
        XCTAssertTrue(validator.isValid(e164Digits: "18002345678", region: "CA"))

        XCTAssertTrue(validator.isValid(e164Digits: "4533121000"))
        XCTAssertTrue(validator.isValid(e164Digits: "4533121000", region: "DK"))
        XCTAssertFalse(validator.isValid(e164Digits: "4533121000", region: "SE"))
        XCTAssertTrue(validator.isValid(e164Digits: "14165550123", region: "CA"))
        XCTAssertFalse(validator.isValid(e164Digits: "14165550123", region: "US"))
        XCTAssertFalse(validator.isValid(e164Digits: "12015550123", region: "CA"))
        XCTAssertFalse(validator.isValid(e164Digits: "80012345678", region: "US"))
        XCTAssertTrue(validator.isValid(e164Digits: "80012345678", region: "001"))
    }

    func testInvalidNumbers() {
        let invalid = [
            "4533", "453312100", "45331210001", "4501121000",  // DK: too short, too long, bad leading digit
            "3912345", "1201555012", "120155501234",
            "4402079460000",  // national prefix kept: libphonenumber's parse would strip it, E.164 does not
            "2", "", "0", "004533121000", "0533121000",
            "999123456", "2891234567",  // unassigned calling codes
            "45331210001234567890123",  // too long
        ]
        for digits in invalid {
            XCTAssertFalse(validator.isValid(e164Digits: Substring(digits)), digits)
            XCTAssertEqual(validator.validRegions(e164Digits: Substring(digits)), [], digits)
            XCTAssertFalse(validator.isValid(e164Digits: Substring(digits), region: "DK"), digits)
        }
    }

    func testOddInputNeverCrashes() {
        let odd = ["+4533121000", "45 33121000", "4533121000;ext=1", "45331210a0", "٤٥٣٣١٢١٠٠٠", "４５３３１２１０００",
                   "45\u{0}33121000", "-4533121000", String(repeating: "9", count: 1000), "4533121000\n", "\u{301}45"]
        for text in odd {
            XCTAssertFalse(validator.isValid(e164Digits: Substring(text)), text)
            XCTAssertEqual(validator.validRegions(e164Digits: Substring(text)), [], text)
            XCTAssertFalse(validator.isValid(e164Digits: Substring(text), region: "DK"), text)
        }
        XCTAssertFalse(validator.isValid(e164Digits: "4533121000", region: ""))
        XCTAssertFalse(validator.isValid(e164Digits: "4533121000", region: "dk"))
        XCTAssertFalse(validator.isValid(e164Digits: "4533121000", region: "ZZ"))
    }

    func testSubstringsOfLargerStrings() {
        let line = "number: +4533121000 # hq"
        let start = line.index(line.startIndex, offsetBy: 9)
        let end = line.index(start, offsetBy: 10)
        XCTAssertTrue(validator.isValid(e164Digits: line[start..<end], region: "DK"))
    }

    func testConcurrentUse() throws {
        let cases = try loadFixture().cases.prefix(1000)
        let expected = cases.map { validator.isValid(e164Digits: $0.digits) }
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for (item, verdict) in zip(cases, expected)
            where PhoneNumberValidator.shared.isValid(e164Digits: item.digits) != verdict {
                mismatches.add()
            }
        }
        XCTAssertEqual(mismatches.count, 0)
    }
}

private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}
