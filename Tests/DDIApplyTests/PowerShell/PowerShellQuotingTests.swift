import XCTest
@testable import DDIApply

final class PowerShellQuotingTests: XCTestCase {
    func testQuotesAreDoubledAndNothingElseChanges() {
        XCTAssertEqual(PowerShellQuoting.literal("anna@contoso.com"), "'anna@contoso.com'")
        XCTAssertEqual(PowerShellQuoting.literal("O'Brien"), "'O''Brien'")
        XCTAssertEqual(PowerShellQuoting.literal("$(Remove-Item C:\\)"), "'$(Remove-Item C:\\)'")
        XCTAssertEqual(PowerShellQuoting.literal("a\u{2019}b"), "'a\u{2019}\u{2019}b'")
    }

    /// The reported injection: Swift folds U+0600 + `'` and `'` + U+0301 into one `Character`
    /// each, which is not equal to `"'"`, so the quotes were not doubled; PowerShell reads UTF-16
    /// code units and ended the string at them.
    func testAQuoteInsideAGraphemeClusterIsStillDoubled() {
        let values = [
            "vip\u{600}'+$(Start-Process calc)+'\u{301}",
            "a\u{600}\u{2019}; Stop-Computer; \u{2018}\u{301}",
            "x'\u{20DD}; calc; \u{201B}\u{FE0F}",
            "\u{1F1E9}'\u{1F1F0}",
            "'\u{301}'\u{301}'\u{301}",
        ]
        for value in values {
            let tokens = PowerShellTokenizer(PowerShellQuoting.literal(value))
            XCTAssertEqual(tokens.tokens, [.literal(value)], value.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertFalse(tokens.unterminated)
        }
    }
}
