import XCTest
@testable import DDIKit

/// The fast scanner on small documents: what it reads must come out exactly as libyaml's events
/// (ReaderComparison), and what it must not read it leaves to libyaml.
final class BlockYAMLScannerTests: XCTestCase {
    func assertFast(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let read = ReaderComparison.assertSameReading(Array(text.utf8), path: "f.yaml", name, file: file, line: line)
        XCTAssertTrue(read, "\(name): the fast scanner gave up on \(text.debugDescription)", file: file, line: line)
    }

    func assertFallsBack(_ bytes: [UInt8], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(BlockYAMLScanner.events(bytes, file: "f.yaml"), "\(name): the fast scanner read it", file: file, line: line)
        // The default reader is then libyaml: same events, same errors.
        XCTAssertEqual(ReaderComparison.eventStream(bytes, file: "f.yaml", reader: .fastWhenPossible),
                       ReaderComparison.eventStream(bytes, file: "f.yaml", reader: .libyamlOnly), name, file: file, line: line)
    }

    func assertFallsBack(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        assertFallsBack(Array(text.utf8), name, file: file, line: line)
    }

    func testInventoryShapesReadLikeLibyaml() {
        assertFast("""
            # Site file
            ranges:
              - id: cph-hq
                block: +4533121000..+4533121999
                cost: { per_number_month: 2.95, currency: DKK }
            numbers:
              - number: "+4533121000"
                status: assigned
                kind: user
                assigned_to: anna@contoso.com
                tags: [finance, vip]
                reviewed: 2026-01-02
              - block: +4533121010..+4533121019
                status: retired

            routing:
              - id: cq-main
                type: call-queue
                agents:
                  - a@contoso.com
                  - b@contoso.com
                after_hours: voicemail:a@contoso.com
            """, "inventory file")
    }

    func testQuotedScalarsAndEscapes() {
        assertFast("key: 'it''s'\nother: ''''\nempty: ''\nnone: \"\"\n", "single quotes")
        assertFast("a: \"x # not a comment\"\nb: 'y # nor this'\nc: \"q\" # but this\n", "hash inside quotes")
        assertFast("a: \"\\u00e9\\x41\\t\\\\\\\"\\/\\N\\_\\L\\P\\U0001F600\\0\\a\\b\\v\\f\\r\\e\\ \"\n", "every escape")
        assertFast("a: \"\\x80\\xff\\u20ac\"\n", "escaped non-ASCII")
        assertFast("\"a:b\": c\n'x: y': z\n\"q\" :   v\n", "keys with colons in quotes")
        assertFast("a: '  spaced  '\nb: \"  also  \"\n", "spaces kept inside quotes")
    }

    func testPlainScalars() {
        assertFast("key: value   \nnext: v # comment\nthird: a#b\n", "trailing spaces and comments")
        assertFast("a: b:c\nurl: http://x/y?q=1\nroute: external:+4570102030\n", "colons inside plain scalars")
        assertFast("a: -5\n-x: y\nb: ---\nc: ...x\nd: a - b\n", "dashes")
        assertFast("a: R&D, Sales | x > y * z ! w % v @ u `t` [1] {2}\n", "indicators inside a plain scalar")
        assertFast("key :   value\nspaced   words: two  spaces  kept\n", "spaces around keys and inside values")
        assertFast("a: 1", "no final line break")
        assertFast("hello world\n", "a scalar document")
    }

    func testBlockStructure() {
        assertFast("- - x\n  - y\n- z\n- - - deep\n", "sequences in sequences")
        assertFast("a:\nb: \nc: # comment\nd:\n", "empty values")
        assertFast("key:\n- a\n- b\nnext: 1\n", "unindented list under a key")
        assertFast("key:\n  - a\n  - b\nnext: 1\n", "indented list under a key")
        assertFast("-\n- a\n-   \n- # comment\n", "empty entries")
        assertFast("a:\n  b:\n    c: 1\n  d: 2\ne: 3\n", "nested mappings")
        assertFast("- a: 1\n  b: 2\n- c: 3\n-   d: 4\n    e: 5\n", "mappings in a list")
        assertFast("- tags:\n  - a\n  - b\n  x: 1\n- tags:\n    - c\n", "lists under keys inside a list")
        assertFast("x:\n  value\ny: 2\n", "a scalar on the line after its key")
        assertFast("x:\n\n  # comment\n\n  y: 1\n", "blank lines and comments between key and value")
        assertFast("  a: 1\n  b: 2\n", "an indented document")
        assertFast("a:\n  -\n    b: 1\n  - c\n", "an entry on the line after its dash")
    }

    func testFlowCollections() {
        assertFast("tags: [a, b c, \"d\", 'e']\ncost: { per_number_month: 2.95, currency: EUR }\n", "flow list and mapping")
        assertFast("a: []\nb: {}\nc: [ ]\nd: [x]   # comment\ne: {k: v}\n", "empty and tight flow collections")
        assertFast("- [a, b]\n- {x: 1}\n", "flow collections as entries")
        assertFast("[a, b]\n", "a flow document")
    }

    func testDocumentMarkers() {
        assertFast("---\na: 1\n...\n", "start and end markers")
        assertFast("# head\n--- # comment\na: 1\n... # end\n# tail\n", "markers with comments")
        assertFast("# only a comment\n\n", "no document")
        assertFast("\n\n", "blank lines only")
    }

    func testColumnsCountCharactersLikeLibyaml() {
        assertFast("site: Wrocław\nWrocław: 'Łódź'\nŁódź: x\nx: [Gdańsk, Kraków]\ny: { å: Łódź, b: 2 }\n", "two-byte characters")
        assertFast("a: 東京\n東京: [大阪, 京都]\nb: \"😀\"\n😀: { k: 😀 }\nc:\n", "three- and four-byte characters")
        assertFast("- é: 1\n  f: ü\n- Ω:\n", "mappings after non-ASCII keys")
    }

    func testConstructsOutsideTheSubsetFallBack() {
        let cases: [(String, String)] = [
            ("a: [[x]]\n", "nested flow"),
            ("a: {b: [c]}\n", "flow in flow"),
            ("a: [a, ]\n", "trailing comma"),
            ("a: [a,\n  b]\n", "flow over two lines"),
            ("a: {b:c}\n", "colon in a flow scalar"),
            ("a: [-1]\n", "dash in flow"),
            ("a: [x # c\n]\n", "comment in flow"),
            ("a: &x 1\nb: *x\n", "anchor and alias"),
            ("a: !!str 1\n", "tag"),
            ("a: |\n  x\n", "literal block scalar"),
            ("a: >\n  x\n", "folded block scalar"),
            ("a: b\n  c\n", "plain scalar over two lines"),
            ("a: 'b\n  c'\n", "single-quoted over two lines"),
            ("a: \"b\\\n  c\"\n", "escaped line break"),
            ("a:\t1\n", "tab after a colon"),
            ("a:\n\t- b\n", "tab in indentation"),
            ("%YAML 1.1\n---\na: 1\n", "directive"),
            ("? a\n: b\n", "complex key"),
            ("a: 1\n---\nb: 2\n", "second document"),
            ("--- a\n", "content on the start marker"),
            ("a: 1\n...\nb: 2\n", "content after the end marker"),
            ("---\n", "empty explicit document"),
            ("a: 1\r\nb: 2\r\n", "CRLF line ends"),
            ("\u{FEFF}a: 1\n", "byte order mark"),
            ("a: b\u{2028}c\n", "line separator"),
            ("a: \u{85}\n", "next line character"),
            ("a: \u{7}\n", "control character"),
            ("a: \"\\'\"\n", "quote escape libyaml versions disagree on"),
            ("a: `x`\n", "backquote start"),
            ("a: @x\n", "at-sign start"),
            ("a: %x\n", "percent start"),
            ("a: ?x\n", "question-mark start"),
            ("a: :x\n", "colon start"),
            ("a: 1 # c\n  b: 2\n", "deeper line after a value"),
            ("\"a\"#c: 1\n", "hash right after a quote"),
            (String(repeating: "k", count: 1_100) + ": v\n", "key longer than libyaml's simple key limit"),
            ("a: {" + String(repeating: "k", count: 1_100) + ": v}\n", "flow key longer than libyaml's simple key limit"),
            (String(repeating: "- ", count: 200) + "x\n", "deeper than the depth limit"),
        ]
        for (text, name) in cases { assertFallsBack(text, name) }
        assertFallsBack(Array("a: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8), "invalid UTF-8")
        assertFallsBack(Array("a: ".utf8) + [0xC0, 0x80] + Array("\n".utf8), "overlong UTF-8")
        assertFallsBack(Array("a: ".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8), "UTF-8 surrogate")
    }

    func testSyntaxErrorsFallBackToLibyamlsMessage() throws {
        let cases: [(String, String)] = [
            ("a: b: c\n", "mapping on a value line"),
            ("a: 'x\n", "unterminated quote"),
            ("- a\nb: c\n", "key after a list"),
            ("a:\n  b: 1\n c: 2\n", "key between levels"),
            ("key: - a\n", "entry on a key line"),
            ("[a\n", "unclosed flow"),
            ("a: \"\\q\"\n", "unknown escape"),
            ("a: \"\\ud800\"\n", "escaped surrogate"),
            ("a: \"\\xZZ\"\n", "bad hex escape"),
            ("a\nb: 1\n", "scalar then key"),
            ("a: 1\n- b\n", "entry after a key"),
            ("- a\n  - b\n", "entry deeper than a scalar entry"),
            ("key: [a] x\n", "text after a flow collection"),
            ("'a' b: c\n", "text after a quoted key"),
        ]
        for (text, name) in cases {
            assertFallsBack(text, name)
            guard case .failure(let error) = YAMLParser.parse(Array(text.utf8), file: "f.yaml") else {
                continue
            }
            XCTAssertTrue(error.message.hasPrefix("YAML syntax error:"), "\(name): \(error.message)")
        }
    }

    func testDepthLimitStillRefusedWithTheBuildersMessage() {
        let text = String(repeating: "- ", count: 70) + "x\n"
        XCTAssertNotNil(BlockYAMLScanner.events(Array(text.utf8), file: "f.yaml"))
        guard case .failure(let error) = YAMLParser.parse(Array(text.utf8), file: "f.yaml") else { return XCTFail("expected the depth limit") }
        XCTAssertTrue(error.message.contains("nesting deeper"), error.message)
        XCTAssertEqual(YAMLParser.parse(Array(text.utf8), file: "f.yaml", reader: .libyamlOnly), .failure(error))
    }
}
