import Foundation
import DDITestSupport
import XCTest

/// The test support itself: a missing prerequisite must not turn the CLI tests into silent passes.
final class CLIRunnerTests: XCTestCase {
    func testMissingExecutableIsAFailureNotASkip() {
        let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("no-ddi-\(UUID().uuidString)/ddi")
        XCTAssertThrowsError(try CLIRunner.locate(in: [nowhere])) { error in
            XCTAssertFalse(error is XCTSkip, "a missing ddi binary must fail the test, not skip it")
            XCTAssertTrue("\(error)".contains("swift build --product ddi"), "\(error)")
        }
        XCTAssertNoThrow(try CLIRunner.executable)
    }

    func testMissingToolSkipsLocallyAndFailsInCI() {
        XCTAssertTrue(Prerequisite.missing("git is not installed", environment: [:]) is XCTSkip)
        XCTAssertTrue(Prerequisite.missing("git is not installed", environment: ["CI": "false"]) is XCTSkip)
        for value in ["true", "1", "yes"] {
            let error = Prerequisite.missing("git is not installed", environment: ["CI": value])
            XCTAssertFalse(error is XCTSkip, value)
            XCTAssertTrue("\(error)".hasPrefix("git is not installed"), "\(error)")
        }
    }
}
