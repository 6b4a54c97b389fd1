import XCTest
@testable import DDIKit

final class YAMLParserTests: XCTestCase {
    func parse(_ text: String) -> Result<YAMLNode?, YAMLSyntaxError> {
        YAMLParser.parse(Array(text.utf8), file: "f.yaml")
    }

    func testKeepsLocationsAndQuoting() throws {
        let root = try parse("numbers:\n  - number: \"+4533121000\"\n    status: free\n").get()
        guard case .mapping(let pairs, _)? = root, case .sequence(let items, _) = pairs[0].value,
              case .mapping(let fields, let itemLocation) = items[0],
              case .scalar(let number) = fields[0].value, case .scalar(let status) = fields[1].value else {
            return XCTFail("unexpected tree \(String(describing: root))")
        }
        XCTAssertEqual(itemLocation, SourceLocation(file: "f.yaml", line: 2, column: 5))
        XCTAssertEqual(number.text, "+4533121000")
        XCTAssertFalse(number.isPlain)
        XCTAssertEqual(number.location, SourceLocation(file: "f.yaml", line: 2, column: 13))
        XCTAssertTrue(status.isPlain)
        XCTAssertEqual(status.location.line, 3)
    }

    func testEmptyDocumentIsNil() throws {
        XCTAssertNil(try parse("").get())
        XCTAssertNil(try parse("# only a comment\n").get())
    }

    func testSyntaxErrorHasLocation() {
        guard case .failure(let error) = parse("a: [1, 2\nb: 3\n") else { return XCTFail("expected an error") }
        XCTAssertEqual(error.location.file, "f.yaml")
        XCTAssertGreaterThanOrEqual(error.location.line, 1)
        XCTAssertGreaterThanOrEqual(error.location.column, 1)
    }

    func testRejectsInvalidUTF8() {
        let bytes: [UInt8] = Array("a: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8)
        guard case .failure(let error) = YAMLParser.parse(bytes, file: "f.yaml") else { return XCTFail("expected an error") }
        XCTAssertTrue(error.message.contains("UTF-8"), error.message)
    }

    func testRejectsDeepNesting() {
        let text = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        guard case .failure(let error) = parse(text) else { return XCTFail("expected an error") }
        XCTAssertTrue(error.message.contains("nesting"), error.message)
    }

    func testCapsAliasExpansion() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in 0..<9 {
            let name = "l\(level)"
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        guard case .failure(let error) = parse(text) else { return XCTFail("expected the alias bomb to be refused") }
        XCTAssertTrue(error.message.contains("aliases"), error.message)
    }

    func testRejectsSecondDocument() {
        guard case .failure(let error) = parse("a: 1\n---\nb: 2\n") else { return XCTFail("expected an error") }
        XCTAssertEqual(error.location.line, 2)
    }
}
