@testable import DDIKit
import XCTest

/// The values an attacker would put in an inventory, a snapshot, a file name or a commit.
enum HostileText {
    static let escape = "\u{1B}[31m"
    static let annotation = "\n::error file=x::Approved"
    static let both = "Front Office\(escape)\(annotation)"
}

final class TextEscapingTests: XCTestCase {
    func testTerminalKeepsOrdinaryTextAsItIs() {
        XCTAssertEqual(TextEscaping.terminal("Mette Lund <mette.lund@contoso.com> – Front Office, 3. sal"), "Mette Lund <mette.lund@contoso.com> – Front Office, 3. sal")
    }

    func testTerminalWritesControlCharactersAsEscapes() {
        XCTAssertEqual(TextEscaping.terminal(HostileText.both), "Front Office\\u{1B}[31m\\n::error file=x::Approved")
        XCTAssertEqual(TextEscaping.terminal("a\r\tb\u{7F}\u{9B}\u{2028}\u{202E}"), "a\\r\\tb\\u{7F}\\u{9B}\\u{2028}\\u{202E}")
    }

    func testTerminalLinesKeepsOwnLineBreaksOnly() {
        XCTAssertEqual(TextEscaping.terminalLines("one \u{1B}[2J\ntwo\n"), "one \\u{1B}[2J\ntwo\n")
        // CR LF is one Character in Swift: it must not slip through as a line break.
        XCTAssertFalse(TextEscaping.terminalLines("a\r\n::error::x").unicodeScalars.contains("\r"))
    }

    func testGithubDataPercentEncodesLineBreaksAndDropsEscapes() {
        XCTAssertEqual(TextEscaping.githubData("50% done: a, b"), "50%25 done: a, b")
        XCTAssertEqual(TextEscaping.githubData(HostileText.both), "Front Office\\u{1B}[31m%0A::error file=x::Approved")
        XCTAssertEqual(TextEscaping.githubData("a\rb"), "a%0Db")
    }

    func testGithubPropertyAlsoEncodesSeparators() {
        XCTAssertEqual(TextEscaping.githubProperty("numbers/a:b,c.yaml"), "numbers/a%3Ab%2Cc.yaml")
        XCTAssertEqual(TextEscaping.githubProperty("x\n::error file=y::z"), "x%0A%3A%3Aerror file=y%3A%3Az")
    }

    func testMarkdownCellStaysInItsCell() {
        XCTAssertEqual(TextEscaping.markdownCell("Front Office"), "Front Office")
        XCTAssertEqual(TextEscaping.markdownCell("a|b<script>x</script>"), "a\\|b&lt;script&gt;x&lt;/script&gt;")
        XCTAssertEqual(TextEscaping.markdownCell(HostileText.both), "Front Office\\u{1B}[31m\\n::error file=x::Approved")
        XCTAssertEqual(TextEscaping.markdownCell("`code`"), "`code`")
    }

    func testMarkdownCodeCannotCloseItsSpan() {
        XCTAssertEqual(TextEscaping.markdownCode("a`b|c"), "a'b\\|c")
    }

    func testCSVFieldQuotesAndDefusesFormulas() {
        XCTAssertEqual(TextEscaping.csvField("Front Office"), "Front Office")
        XCTAssertEqual(TextEscaping.csvField("a,b"), "\"a,b\"")
        XCTAssertEqual(TextEscaping.csvField("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(TextEscaping.csvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(TextEscaping.csvField("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(TextEscaping.csvField("+4533121042", defusingFormula: false), "+4533121042")
    }

    func testCSVFieldKeepsAValueOnItsLine() {
        let field = TextEscaping.csvField(HostileText.both)
        XCTAssertFalse(field.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\u{1B}" }, field)
        XCTAssertEqual(field, "Front Office\\u{1B}[31m\\n::error file=x::Approved")
    }

    func testHTMLEscapesMarkupAndControlCharacters() {
        XCTAssertEqual(TextEscaping.html("<a href=\"x\">Tom & Jerry's</a>"), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        XCTAssertEqual(TextEscaping.html("a\u{1B}[31m\u{9B}\u{0}b\tc"), "a\u{FFFD}[31m\u{FFFD}\u{FFFD}b\tc")
        XCTAssertEqual(TextEscaping.html(HostileText.annotation), "&#10;::error file=x::Approved")
    }
}
