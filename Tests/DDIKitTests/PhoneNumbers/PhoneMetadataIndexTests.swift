import Dispatch
import XCTest
@testable import DDIKit

/// The validator compiles the metadata one calling code at a time (`PhoneMetadataIndex`): each
/// code's regions, their order and their calling codes must be those of the whole store.
final class PhoneMetadataIndexTests: XCTestCase {
    func testEveryCallingCodeHasTheWholeStoresRegionsInItsOrder() {
        let whole = PhoneMetadataStore.shared
        let index = PhoneMetadataIndex(text: PhoneMetadataData.regions)
        var assigned = 0
        for callingCode in 0..<PhoneMetadataIndex.callingCodes {
            let expected: [String] = whole.withView { view in view.regions(ofCallingCode: callingCode).map { view.regionNames[$0] } }
            let compiled = index.store(ofCallingCode: callingCode)
            let found: [String] = compiled?.withView { view in view.regions(ofCallingCode: callingCode).map { view.regionNames[$0] } } ?? []
            XCTAssertEqual(found, expected, "+\(callingCode)")
            XCTAssertEqual(index.isAssigned(callingCode), !expected.isEmpty, "+\(callingCode)")
            if let compiled {
                XCTAssertEqual(compiled.rejectedLines, [], "+\(callingCode)")
                XCTAssertEqual(compiled.regions.map(\.typesEnd).last.map(Int.init), compiled.types.count, "+\(callingCode)")
                assigned += 1
            }
        }
        XCTAssertGreaterThan(assigned, 200)
    }

    func testRegionsAndTheirCallingCodesAgreeWithTheWholeStore() {
        let whole = PhoneMetadataStore.shared
        let validator = PhoneNumberValidator.shared
        for (name, regionIndex) in whole.regionIndex {
            XCTAssertEqual(validator.callingCode(forRegion: name), Int(whole.regions[regionIndex].callingCode), name)
            XCTAssertTrue(validator.isKnownRegion(name), name)
        }
        XCTAssertEqual(PhoneMetadataIndex.shared.callingCodeOfRegion.count, whole.regionIndex.count)
        for name in ["001", "", "dk", "XX", "DNK"] { XCTAssertNil(validator.callingCode(forRegion: name), name) }
    }

    func testFirstUseFromManyThreadsGivesOneAnswer() {
        let index = PhoneMetadataIndex(text: PhoneMetadataData.regions)
        let codes = [1, 7, 44, 45, 46, 49, 800, 882, 999]
        let answers = Parallel.map(Array(0..<64)) { _ -> [String] in
            codes.map { code in
                index.store(ofCallingCode: code)?.withView { view in view.regions(ofCallingCode: code).map { view.regionNames[$0] }.joined(separator: ",") } ?? "-"
            }
        }
        XCTAssertEqual(Set(answers.map { $0.joined(separator: ";") }).count, 1)
        XCTAssertEqual(answers.first?[3], "DK")
    }
}
