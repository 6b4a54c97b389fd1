import XCTest
@testable import DDIApply

/// The shapes a value must have before it is written into a script.
final class ScriptValueShapesTests: XCTestCase {
    func testGUIDs() {
        XCTAssertTrue(ScriptValueShapes.isGUID("2C5F7E0A-1B2C-4D3E-8F90-a1b2c3d4e5f6"))
        XCTAssertTrue(ScriptValueShapes.isGUID("00000000-0000-0000-0000-000000000000"))
        for value in ["", "{2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6}", "2c5f7e0a1b2c4d3e8f90a1b2c3d4e5f6", "2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5fg",
                      "2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6 ", "2c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6'", "２c5f7e0a-1b2c-4d3e-8f90-a1b2c3d4e5f6"] {
            XCTAssertFalse(ScriptValueShapes.isGUID(value), value)
        }
    }

    func testPhoneNumbers() {
        for value in ["+4533121042", "+1", "+4533121042;ext=12"] { XCTAssertTrue(ScriptValueShapes.isPhoneNumber(value), value) }
        for value in ["", "+", "4533121042", "+45 33121042", "+4533121042;ext=", "+4533121042;ext=1;ext=2", "+4533121042;EXT=1",
                      "tel:+4533121042", "+٤٥٣٣", "+4533121042\u{301}"] {
            XCTAssertFalse(ScriptValueShapes.isPhoneNumber(value), value)
        }
    }

    func testTags() {
        let accepted = ["vip", "Sales & Support", "HR/Payroll (DK)", "Café", "Cafe\u{301}", "हिंदी", "東京", "floor-2_east.wing, room:4",
                        String(repeating: "x", count: 50)]
        for value in accepted { XCTAssertTrue(ScriptValueShapes.isTag(value), value) }
        let refused = ["", " vip", "vip ", "a  b", "O'Brien", "a\u{2019}b", "$env", "a`b", "\"q\"", "a;b", "a|b", "a*", "a?", "[a]", "{a}",
                       "@a", "#a", "\u{301}a", "1\u{301}", "a\u{600}", "a\u{200B}b", "a\tb", String(repeating: "x", count: 51),
                       String(repeating: "\u{1F600}", count: 26)]
        for value in refused { XCTAssertFalse(ScriptValueShapes.isTag(value), value) }
    }

    /// `-BridgeName <String>`: the page gives no shape, so ddi writes a conservative one.
    func testBridgeNames() {
        for value in ["Conference Bridge", "O365 Bridge", "Brücke Nord", String(repeating: "b", count: 64)] {
            XCTAssertTrue(ScriptValueShapes.isBridgeName(value), value)
        }
        for value in ["", " Bridge", "Bridge ", "O'Bridge", "a\u{2018}b", "a\u{201B}b", "\"q\"", String(repeating: "b", count: 65)] {
            XCTAssertFalse(ScriptValueShapes.isBridgeName(value), value)
        }
    }

    func testPrintableText() {
        for value in ["anna@contoso.com", "O'Brien", "Rene\u{301}e", "$(calc) `x` \"q\" ; | #", "\u{1F600}", "a\u{A0}b"] {
            XCTAssertNil(ScriptValueShapes.unprintable(value), value)
        }
        let refused = [("a\u{85}b", "control character U+0085"), ("a\u{2029}", "control character U+2029"), ("a\u{600}", "format character U+0600"),
                       ("a\u{FEFF}", "format character U+FEFF"), ("a\u{E000}", "private-use character U+E000"),
                       ("'\u{301}", "combining mark U+0301 next to a quote"), ("\u{20DD}\u{2018}", "combining mark U+20DD next to a quote")]
        for (value, reason) in refused {
            XCTAssertTrue(ScriptValueShapes.unprintable(value)?.contains(reason) == true, "\(value.debugDescription): \(ScriptValueShapes.unprintable(value) ?? "nil")")
        }
    }

    func testRefusedValuesAreShownWithTheirInvisibleCharactersWrittenOut() {
        XCTAssertEqual(ScriptValueShapes.shown("vip\u{600}'x'\u{301}"), "vip\\u{0600}'x'\\u{0301}")
        XCTAssertEqual(ScriptValueShapes.shown("Rene\u{301}e\n\u{1B}"), "Rene\u{301}e\\n\\u{1B}")
    }
}
