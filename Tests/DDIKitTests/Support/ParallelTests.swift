import XCTest
@testable import DDIKit

/// `Parallel.map` runs in `ddi plan` (validation, file reading, snapshot loading). Its result slots
/// were written through `Array.withUnsafeMutableBufferPointer` from every worker at once, a
/// mutating access of one shared array: the array is moved out for the duration of each call, so
/// another worker could find it empty and reallocate it, and the process crashed now and then
/// (seen as signal 11 in `Validator.validate` under the full test suite).
final class ParallelTests: XCTestCase {
    func testManyConcurrentMapsKeepEveryResultInOrder() {
        for round in 0..<300 {
            let inputs = Array(0..<(64 + round % 7))
            let outputs = Parallel.map(inputs) { $0 * 2 }
            XCTAssertEqual(outputs, inputs.map { $0 * 2 }, "round \(round)")
        }
    }

    func testReferenceResultsSurvive() {
        final class Box: Sendable { let value: Int; init(_ value: Int) { self.value = value } }
        for _ in 0..<200 {
            let outputs = Parallel.map(Array(0..<100)) { Box($0) }
            XCTAssertEqual(outputs.map(\.value), Array(0..<100))
        }
    }

    func testFewerThanTwoInputsMapInline() {
        XCTAssertEqual(Parallel.map([Int]()) { $0 }, [])
        XCTAssertEqual(Parallel.map([3]) { $0 + 1 }, [4])
    }
}
