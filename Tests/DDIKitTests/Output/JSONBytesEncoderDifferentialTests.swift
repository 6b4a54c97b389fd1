@testable import DDIKit
import DDITestSupport
import Foundation
import XCTest

/// `JSONBytesEncoder` against Foundation's `JSONEncoder` itself: the same bytes for ddi's
/// configuration (and the compact and slash-escaping variants) on hostile strings, every numeric
/// edge, containers written by hand, ddi's own JSON outputs and thousands of generated values; the
/// same refusals (NaN, infinities, nothing encoded, nesting) with the same messages.
final class JSONBytesEncoderDifferentialTests: XCTestCase {
    static let hostileStrings: [String] = {
        var strings = ["", " ", "\"", "\\", "/", "//", "\\/", "</script>", "a\"b\\c/d", "\u{7F}", "\u{80}", "\u{FEFF}BOM",
                       "\u{2028}\u{2029}", "😀", "👩‍👩‍👧", "\u{10FFFF}", "\u{301}", "e\u{301}", "é", "\u{0}", "tab\there",
                       "line\nbreak\r\n", "\u{1B}[31mred\u{1B}[0m", "ﬀ", "İ", "ß", "Ａ", "🇩🇪", "x\u{200B}y", String(repeating: "ab/\"", count: 300)]
        strings += (0..<0x20).map { String(UnicodeScalar(UInt8($0))) + "x" }
        return strings
    }()

    struct Configuration {
        var formatting: JSONEncoder.OutputFormatting
        var bytes: JSONBytesEncoder
    }

    static let configurations = [
        Configuration(formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes], bytes: JSONBytesEncoder()),
        Configuration(formatting: [.sortedKeys, .withoutEscapingSlashes], bytes: JSONBytesEncoder(prettyPrinted: false)),
        Configuration(formatting: [.prettyPrinted, .sortedKeys], bytes: JSONBytesEncoder(escapesSlashes: true)),
    ]

    /// Both encoders on `value`, in every configuration: equal bytes, or both refusing with the same message.
    func assertSameBytes<Value: Encodable>(_ value: Value, _ label: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
        for configuration in Self.configurations {
            let foundation = JSONEncoder()
            foundation.outputFormatting = configuration.formatting
            let expected = Result { try foundation.encode(value) }
            let actual = Result { try configuration.bytes.encode(value) }
            switch (expected, actual) {
            case (.success(let expected), .success(let actual)):
                if Array(expected) != actual {
                    XCTFail("\(label()) \(configuration.formatting): bytes differ\nJSONEncoder:\n\(String(decoding: expected, as: UTF8.self))\nJSONBytesEncoder:\n\(String(decoding: actual, as: UTF8.self))", file: file, line: line)
                    return
                }
            case (.failure(let expected), .failure(let actual)):
                XCTAssertEqual(String(describing: actual), String(describing: expected), label(), file: file, line: line)
            default:
                XCTFail("\(label()): JSONEncoder \(expected), JSONBytesEncoder \(actual)", file: file, line: line)
            }
        }
    }

    func testHostileStringsAsValuesAndKeys() {
        for string in Self.hostileStrings {
            assertSameBytes(string, string.debugDescription)
            assertSameBytes([string, string], string.debugDescription)
            assertSameBytes([string: string, "k": string], string.debugDescription)
        }
        assertSameBytes(Dictionary(Self.hostileStrings.enumerated().map { ($1, $0) }, uniquingKeysWith: { $1 }))
    }

    func testKeysSortByTheirUTF8Bytes() {
        let keys = ["b", "a", "B", "A", "_", "a_b", "ab", "10", "9", "1", "é", "e", "f", "😀", "ﬀ", "Z", "z", "", " ", "a b", "aa", "a\u{0}"]
        assertSameBytes(Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { $1 }))
        assertSameBytes(Dictionary(keys.enumerated().map { ($1, [$1: $0]) }, uniquingKeysWith: { $1 }))
    }

    func testIntegersAtEveryWidthAndEdge() {
        assertSameBytes([Int.min, -1, 0, 1, Int.max])
        assertSameBytes([Int8.min, 0, Int8.max])
        assertSameBytes([Int16.min, 0, Int16.max])
        assertSameBytes([Int32.min, 0, Int32.max])
        assertSameBytes([Int64.min, 0, Int64.max])
        assertSameBytes([UInt.min, UInt.max])
        assertSameBytes([UInt8.min, UInt8.max])
        assertSameBytes([UInt16.max])
        assertSameBytes([UInt32.max])
        assertSameBytes([UInt64.max, 10, 100, 1_000_000_007])
        assertSameBytes(NumberBox(int: .min, int8: .min, int16: .min, int32: .min, int64: .min, uint: .max, uint8: .max, uint16: .max,
                                  uint32: .max, uint64: .max, double: -0.0, float: -0.0))
    }

    static let doubles: [Double] = [0, -0.0, 1, -1, 0.1, 0.2, 0.30000000000000004, 1.5, 100, 1e15, 1e16, 1e17, 1e21, 1e22, 1e-5, 1e-7,
                                    123456789.123, 1.0 / 3, 2.0 / 3, .pi, -.pi, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                    .leastNormalMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 5e-324, 9007199254740993,
                                    4.35, 0.07, 99.99, 12.5, 1234.5678, 0.0001, 1e300, 1e-300]

    func testDoublesAndFloatsAtEveryEdge() {
        assertSameBytes(Self.doubles)
        assertSameBytes(Self.doubles.map { Float($0) })
        for double in Self.doubles {
            assertSameBytes(double, "\(double)")
            assertSameBytes(["v": double], "\(double)")
            assertSameBytes(NumberBox(double: double, float: Float(double)), "\(double)")
        }
        var generator = SeededGenerator(defaultSeed: 0x5EED_0015)
        for _ in 0..<2_000 {
            let double = Double(bitPattern: generator.next())
            guard double.isFinite else { continue }
            assertSameBytes([double], "\(double) \(generator.replay)")
            assertSameBytes([Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))].filter(\.isFinite), generator.replay)
            let money = (Double(Int64.random(in: -10_000_000...10_000_000, using: &generator)) / 100 * 100).rounded() / 100
            assertSameBytes(["cost": money], "\(money)")
        }
    }

    func testNaNAndInfinitiesAreRefusedWithJSONEncodersMessage() {
        for bad in [Double.nan, .infinity, -.infinity, .signalingNaN] {
            assertSameBytes(bad)
            assertSameBytes([bad])
            assertSameBytes([1, bad])
            assertSameBytes(["x": bad])
            assertSameBytes(NumberBox(double: bad))
            assertSameBytes(NumberBox(float: Float(bad)))
            assertSameBytes([["a": [0, bad]]])
            assertSameBytes(Nested(inner: .init(values: [1, bad])))
        }
    }

    func testFoundationTypesUseJSONEncodersDefaultStrategies() {
        assertSameBytes(Date(timeIntervalSinceReferenceDate: 0))
        assertSameBytes([Date(timeIntervalSinceReferenceDate: 123_456.789), Date(timeIntervalSince1970: 0)])
        assertSameBytes(["d": Data([0, 1, 2, 250, 255]), "e": Data()])
        assertSameBytes([URL(string: "https://example.com/a b?c=d#e"), URL(fileURLWithPath: "/tmp/x y"), URL(string: "rel/x", relativeTo: URL(string: "https://h/p/"))])
        assertSameBytes([Decimal(string: "12.50"), Decimal(0), Decimal(string: "-0.000001"), Decimal(string: "123456789012345678901234567890")])
        assertSameBytes(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
    }

    func testContainersWrittenByHand() {
        assertSameBytes([Int]())
        assertSameBytes([String: Int]())
        assertSameBytes([[Int]()])
        assertSameBytes(["a": [String: Int](), "b": [:]])
        assertSameBytes([[[[["deep"]]]]])
        assertSameBytes(Optionals(present: "x", absent: nil, explicitNull: nil))
        assertSameBytes(Optionals(present: nil, absent: "y", explicitNull: "z"))
        assertSameBytes([Optional<Int>.none, 1, nil])
        assertSameBytes(EncodesNothing())
        assertSameBytes([EncodesNothing()])
        assertSameBytes(["k": EncodesNothing()])
        assertSameBytes(DuplicateKeys())
        assertSameBytes(NestedReuse())
        assertSameBytes(SuperEncoding())
        assertSameBytes([SuperEncoding(), SuperEncoding()])
        assertSameBytes(SingleValueWrapper(inner: Nested(inner: .init(values: [1, 2]))))
        assertSameBytes(CanonicalKeys())
        // Objects of one shape again and again, and shapes equal only up to canonical equivalence.
        assertSameBytes([[ "é": 1, "b": 2], ["e\u{301}": 3, "b": 4], ["é": 5, "b": 6], ["b": 7, "a": 8]])
        assertSameBytes((0..<40).map { index in index % 3 == 0 ? ["z": index, "y": 0] : ["z": index, "x": 1, "é": 2] })
        assertSameBytes([GeneratedJSON.object([("b", .int(1)), ("a", .int(2)), ("b", .int(3))]),
                         .object([("b", .int(1)), ("a", .int(2)), ("c", .int(3))]), .object([("b", .int(1)), ("a", .int(2)), ("b", .int(3))])])
        assertSameBytes([true, false])
        assertSameBytes(Optional<String>.none)
        assertSameBytes(["nothing": Optional<Int>.none])
    }

    func testNestingBeyondJSONEncodersLimitIsRefusedAlike() {
        for depth in [510, 511, 512, 513] {
            assertSameBytes(Deep(depth: depth), "depth \(depth)")
        }
    }

    /// Every JSON output ddi's goldens hold, read into a generic value and written by both.
    func testDDIsJSONGoldens() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ddiTests/Golden")
        let files = try FileManager.default.contentsOfDirectory(atPath: golden.path).filter { $0.hasSuffix(".json") || $0.hasSuffix(".sarif") }
        XCTAssertGreaterThan(files.count, 5)
        for file in files {
            let value = try JSONDecoder().decode(GeneratedJSON.self, from: Data(contentsOf: golden.appendingPathComponent(file)))
            assertSameBytes(value, file)
            let encoded = try JSONBytesOutput.encode(value)
            XCTAssertEqual(String(decoding: encoded, as: UTF8.self), try JSONOutput.encode(value), file)
        }
    }

    func testGeneratedValues() {
        var generator = SeededGenerator(defaultSeed: 0xD1FF_0015)
        for round in 0..<1_500 {
            let value = GeneratedJSON.random(depth: 0, using: &generator)
            assertSameBytes(value, "round \(round), \(generator.replay)")
        }
    }

    func testJSONBytesOutputIsJSONOutputsTextAndErrors() throws {
        struct Value: Encodable { var b = "x/y"; var a = [1.5, 2]; var c: String? }
        XCTAssertEqual(String(decoding: try JSONBytesOutput.encode(Value()), as: UTF8.self), try JSONOutput.encode(Value()))
        let bytesError = Result { () throws(OutputError) in try JSONBytesOutput.encode(["x": Double.nan]) }
        let textError = Result { () throws(OutputError) in try JSONOutput.encode(["x": Double.nan]) }
        guard case .failure(let bytesFailure) = bytesError, case .failure(let textFailure) = textError else {
            return XCTFail("NaN must be refused: \(bytesError) \(textError)")
        }
        XCTAssertEqual(bytesFailure, textFailure)
        XCTAssertTrue(bytesFailure.message.contains("Unable to encode Double.nan directly in JSON."), bytesFailure.message)
    }
}
