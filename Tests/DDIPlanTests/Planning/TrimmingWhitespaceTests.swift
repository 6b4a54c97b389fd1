import XCTest
@testable import DDIPlan

/// `trimmingWhitespace` skips the copy when both ends are printable ASCII: it must trim exactly as
/// the character-by-character loop does.
final class TrimmingWhitespaceTests: XCTestCase {
    static func trimmedByCharacters(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    func testEveryEndTrimsAsTheCharacterLoopDoes() {
        let texts = ["6c063150-c64a-4293-94c3-66206d91f877", " id ", "\tid", "id\n", "\u{3000}id", "id\u{3000}", " \u{301}id",
                     "id \u{301}", "a\u{301}", "\u{301}a", "", " ", "\r\n", "a b", "x\r\n", "~", "!x!", "null", "\u{00A0}x\u{00A0}"]
        for text in texts {
            XCTAssertEqual(text.trimmingWhitespace, Self.trimmedByCharacters(text), text.debugDescription)
        }
    }
}
