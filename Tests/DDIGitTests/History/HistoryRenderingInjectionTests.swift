import DDIKit
import XCTest
@testable import DDIGit

final class HistoryRenderingInjectionTests: XCTestCase {
    func testHistoryTextEscapesTheCommitAuthorMessageAndValues() throws {
        let hostile = try HostileHistory()
        let number = try PhoneNumber.parse(Substring(HostileHistory.number)).get()
        let events = try hostile.history.history(of: number, from: try hostile.history.resolve("HEAD"))
        XCTAssertEqual(events.count, 2)
        let text = NumberHistoryRenderer.text(number: number, events: events, newestFirst: true)
        HostileHistory.assertHarmless(text)
        XCTAssertTrue(text.contains("Eve\\u{1B}[31m Mallory <eve\\u{1B}[31m@contoso.com>"), text)
        XCTAssertTrue(text.contains("Front Office\\u{1B}[31m\\n::error file=x::Approved"), text)
    }
}
