import DDIKit
import XCTest
@testable import DDIPlan

/// A numbers export that stopped at a default page size gets a warning; a snapshot directory with a
/// directory export and no numbers export is refused.
final class SnapshotCompletenessTests: XCTestCase {
    func numbers(_ count: Int) -> String {
        "[" + (0..<count).map { #"{"TelephoneNumber": "+45331\#(String(format: "%05d", $0))", "NumberType": "DirectRouting", "PstnAssignmentStatus": "Unassigned"}"# }.joined(separator: ",") + "]"
    }

    /// "By default, this cmdlet returns a maximum of 500 results. You can return up to 1000 results by
    /// using the Top parameter." https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
    func testExactly500Or1000NumbersLookTruncated() throws {
        for count in [500, 1000] {
            let snapshot = try SnapshotLoader.read([SnapshotSource(path: "numbers.json", bytes: Array(numbers(count).utf8))])
            XCTAssertEqual(snapshot.notes.count, 1)
            let note = try XCTUnwrap(snapshot.notes.first)
            XCTAssertEqual(note.severity, .warning)
            XCTAssertNil(note.record)
            XCTAssertTrue(note.message.contains("looks truncated: Get-CsPhoneNumberAssignment returns 500 by default; page with -Skip/-Top or use Export-CsAcquiredPhoneNumber"), note.message)
        }
        XCTAssertTrue(try SnapshotLoader.read([SnapshotSource(path: "numbers.json", bytes: Array(numbers(499).utf8))]).notes.isEmpty)
    }

    func testGraphPagesHoldingExactly500NumbersLookTruncated() throws {
        let records = (0..<500).map { #"{"telephoneNumber": "+45331\#(String(format: "%05d", $0))", "numberType": "directRouting", "assignmentStatus": "unassigned"}"# }
        let page = #"{"@odata.context": "x", "value": [\#(records.joined(separator: ","))]}"#
        let snapshot = try SnapshotLoader.read([SnapshotSource(path: "page.json", bytes: Array(page.utf8))])
        XCTAssertTrue(snapshot.notes.first?.message.contains("$top and $skip") ?? false, "\(snapshot.notes)")
    }

    func directory(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    static let users = #"[{"Identity": "3f1e0c1a-0000-4000-8000-000000000001", "UserPrincipalName": "ada@contoso.com", "AccountEnabled": true}]"#

    func testADirectoryWithUsersButNoNumbersExportIsRefused() throws {
        let live = try directory(["users.json": Self.users])
        XCTAssertThrowsError(try SnapshotLoader.load(paths: [live.path], display: { _ in "live" })) { error in
            let problems = (error as? SnapshotProblems)?.problems ?? []
            XCTAssertEqual(problems.count, 1)
            XCTAssertTrue(problems.first?.message.hasPrefix("no numbers export found in live") ?? false, "\(problems)")
        }
        // `ddi audit --live` reads directory exports alone.
        XCTAssertEqual(try SnapshotLoader.load(paths: [live.path], requireNumbers: false).accounts.count, 1)
    }

    func testAnEmptyNumbersExportCountsAsOne() throws {
        let live = try directory(["users.json": Self.users, "numbers.json": "[]"])
        XCTAssertEqual(try SnapshotLoader.load(paths: [live.path]).accounts.count, 1)
    }
}
