import XCTest
@testable import DDIApply

final class PowerShellQuotingTests: XCTestCase {
    func testQuotesAreDoubledAndNothingElseChanges() {
        XCTAssertEqual(PowerShellQuoting.literal("anna@contoso.com"), "'anna@contoso.com'")
        XCTAssertEqual(PowerShellQuoting.literal("O'Brien"), "'O''Brien'")
        XCTAssertEqual(PowerShellQuoting.literal("$(Remove-Item C:\\)"), "'$(Remove-Item C:\\)'")
        XCTAssertEqual(PowerShellQuoting.literal("a\u{2019}b"), "'a\u{2019}\u{2019}b'")
    }
}
