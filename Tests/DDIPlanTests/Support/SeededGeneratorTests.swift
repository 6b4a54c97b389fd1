import DDITestSupport
import XCTest

final class SeededGeneratorTests: XCTestCase {
    func testSequenceFollowsFromTheSeed() {
        // The published first output of SplitMix64 from seed 0.
        var zero = SeededGenerator(seed: 0)
        XCTAssertEqual(zero.next(), 0xE220_A839_7B1D_CDAF)
        var first = SeededGenerator(seed: 42), second = SeededGenerator(seed: 42)
        XCTAssertEqual((0..<8).map { _ in first.next() }, (0..<8).map { _ in second.next() })
    }

    func testSeedComesFromTheEnvironmentOrTheDefault() {
        XCTAssertEqual(SeededGenerator(defaultSeed: 7, environment: [:]).seed, 7)
        XCTAssertEqual(SeededGenerator(defaultSeed: 7, environment: ["DDI_FUZZ_SEED": "123"]).seed, 123)
        XCTAssertEqual(SeededGenerator(defaultSeed: 7, environment: ["DDI_FUZZ_SEED": "0xff"]).seed, 255)
        XCTAssertEqual(SeededGenerator(defaultSeed: 7, environment: ["DDI_FUZZ_SEED": "junk"]).seed, 7)
        XCTAssertEqual(SeededGenerator(seed: 123).replay, "DDI_FUZZ_SEED=123")
    }
}
