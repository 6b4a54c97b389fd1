import DDIKit
import XCTest

/// A JSON output that cannot be encoded is an error with exit status 1, never `{}` and exit 0.
final class JSONOutputTests: XCTestCase {
    struct Unencodable: Encodable {
        struct Refused: Error {}
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }

    func testAnEncodingFailureIsAnErrorNotAStandIn() {
        XCTAssertThrowsError(try JSONOutput.encode(Unencodable())) { error in
            guard let failure = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.exitStatus, 1)
            XCTAssertTrue(failure.message.hasPrefix("cannot encode the JSON output"), failure.message)
        }
    }

    func testOutputIsSortedPrettyAndEndsInANewline() throws {
        struct Value: Encodable { var b = "x/y"; var a = 1 }
        XCTAssertEqual(try JSONOutput.encode(Value()), "{\n  \"a\" : 1,\n  \"b\" : \"x/y\"\n}\n")
    }
}
