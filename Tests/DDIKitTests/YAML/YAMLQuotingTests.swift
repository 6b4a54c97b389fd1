import XCTest
@testable import DDIKit

final class YAMLQuotingTests: XCTestCase {
    func testQuotedTextReadsBackExactly() throws {
        let hostile = ["plain", "a\"b\\c", "line\nbreak\r\ttab", "\u{1B}[31m", "\u{2028}\u{2029}\u{FEFF}", "emoji 📞", "NO", "~", "- item", "key: value # comment", "\u{85}\u{7F}"]
        for text in hostile {
            let document = "value: \(YAMLQuoting.doubleQuoted(text))\n"
            guard case .success(.mapping(let pairs, _)?) = YAMLParser.parse(Array(document.utf8), file: "q.yaml"),
                  case .scalar(let scalar)? = pairs.first?.value else {
                return XCTFail("\(text.debugDescription) did not parse back: \(document.debugDescription)")
            }
            XCTAssertEqual(scalar.text, text)
            XCTAssertFalse(scalar.isPlain)
        }
    }
}
