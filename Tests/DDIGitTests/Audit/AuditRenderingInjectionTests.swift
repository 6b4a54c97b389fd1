import DDIKit
import XCTest
@testable import DDIGit

final class AuditRenderingInjectionTests: XCTestCase {
    func report() throws -> AuditReport {
        let hostile = try HostileHistory()
        let today = try XCTUnwrap(Day(iso: "2026-06-01"))
        return try Audit.run(hostile.history, at: try hostile.history.resolve("HEAD"), label: "HEAD", today: today)
    }

    func testEveryFormatForPeopleEscapesOwnersAuthorsAndMessages() throws {
        let report = try report()
        XCTAssertEqual(report.rows.first?.entry.owner, "Front Office\u{1B}[31m\n::error file=x::Approved")
        for format in [AuditFormat.text, .markdown, .csv] {
            let output = try AuditRenderer().render(report, as: format)
            // The CSV's own line ends are CRLF (RFC 4180); only a value's CR would be a danger.
            HostileHistory.assertHarmless(format == .csv ? output.replacingOccurrences(of: "\r\n", with: "\n") : output)
            XCTAssertTrue(output.contains("Front Office\\u{1B}[31m\\n::error file=x::Approved"), "\(format):\n\(output)")
        }
    }

    func testCSVStillQuotesAndDefuses() throws {
        let csv = AuditRenderer().csv(try report())
        let row = try XCTUnwrap(csv.split(separator: "\r\n").dropFirst().first)
        XCTAssertTrue(row.hasPrefix("+4533121042,assigned,user,"), String(row))
        XCTAssertTrue(row.contains(",Eve\\u{1B}[31m Mallory <eve\\u{1B}[31m@contoso.com>,"), String(row))
    }
}
