import DDIKit
import XCTest
@testable import DDIGit

/// The audit CSV is written as bytes (`AuditCSVWriter`, issue 15); it must stay the text the former
/// renderer made field by field with `TextEscaping.csvField`, for any value an inventory or a commit holds.
final class AuditCSVWriterTests: XCTestCase {
    /// The renderer as it was: each row's values escaped with `csvField` and joined.
    private func reference(_ report: AuditReport) -> String {
        let renderer = AuditRenderer()
        var lines = [AuditRenderer.columns.joined(separator: ",")]
        for row in report.rows {
            lines.append(renderer.values(row).enumerated().map { index, value in
                TextEscaping.csvField(value, defusingFormula: index != 0)
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static let values = [
        "", "plain", "IT Operations", "a,b", "say \"hi\"", "\"", ",", "=SUM(A1)", "+45", "-1", "@cmd", "'quoted",
        "line\nbreak", "cr\rlf\r\n", "tab\there", "\u{7F}del", "\u{1B}[31mred", "Ærø Kommune", "naïve", "e\u{301},x",
        ",\u{301}", "\u{202E}evil", "\u{2028}", "emoji 📞", "=\u{301}", "a\"b,c", " lead", "trail ",
    ]

    private func commit(_ summary: String, name: String, email: String, byte: UInt8) -> CommitInfo {
        let signature = GitSignature(name: name, email: email, time: 1_790_000_000 + Int64(byte), offsetMinutes: 60)
        return CommitInfo(oid: GitOID(rawBytes: [UInt8](repeating: byte, count: 20)), parents: [], author: signature, committer: signature, summary: summary)
    }

    /// What `ddi audit` prints (`renderedBytes`) is `render`'s text in every format.
    func testRenderedBytesAreTheRenderedTextInEveryFormat() throws {
        for report in [hostileReport(), hostileReport(rows: 0)] {
            for format in AuditFormat.allCases {
                XCTAssertEqual(try AuditRenderer().renderedBytes(report, as: format), Array(try AuditRenderer().render(report, as: format).utf8), "\(format)")
            }
        }
    }

    /// `ddi audit --format csv` hands the CSV on in pieces of about a megabyte: together they are the text.
    func testTheCSVInPiecesIsTheWholeCSV() throws {
        let one = hostileReport()
        var many = one
        while many.rows.count < 16_000 { many.rows += one.rows }
        for report in [one, many, hostileReport(rows: 0)] {
            var pieces: [[UInt8]] = []
            try AuditRenderer().write(report, as: .csv) { pieces.append($0) }
            XCTAssertEqual(pieces.joined().map { $0 }, Array(AuditRenderer().csv(report).utf8))
            XCTAssertEqual(String(decoding: pieces.joined().map { $0 }, as: UTF8.self), reference(report))
            if report.rows.count > 10_000 { XCTAssertGreaterThan(pieces.count, 1) }
        }
    }

    private func hostileReport(rows count: Int = Int.max) -> AuditReport {
        AuditReport(revision: "HEAD\u{1B}/x", commit: head, today: Day(daysSinceEpoch: 20_500), tenant: index(of: count), rows: hostileRows(count))
    }

    private var head: CommitInfo {
        let signature = GitSignature(name: "n", email: "e", time: 0, offsetMinutes: 0)
        return CommitInfo(oid: GitOID(rawBytes: [UInt8](repeating: 9, count: 20)), parents: [], author: signature, committer: signature, summary: "head")
    }

    /// One row per hostile value, each field of it hostile in turn (paths too, every fourth row).
    private func hostileRows(_ count: Int = Int.max) -> [AuditRow] {
        var rows: [AuditRow] = []
        let values = Self.values
        for (index, value) in values.enumerated().prefix(count) {
            let other = values[(index * 7 + 3) % values.count]
            var entry = DeclaredEntry(path: index % 4 == 1 ? value : "sites/\(other).yaml", text: index % 3 == 0 ? value : "+45331210\(10 + index)", span: nil, isBlock: false, line: index)
            entry.status = value
            entry.kind = other
            entry.owner = index % 2 == 0 ? value : nil
            entry.assignedTo = other
            entry.department = index % 3 == 1 ? value : nil
            entry.routing = value
            entry.reviewed = index % 4 == 0 ? Day(daysSinceEpoch: 20_000 + index) : nil
            let change = index % 5 == 4 ? nil : commit(value, name: other, email: value, byte: UInt8(index % 3))
            rows.append(AuditRow(entry: entry, lastChange: change, flags: index % 2 == 0 ? [.staleReview, .deletedAccount] : []))
        }
        return rows
    }

    private func index(of count: Int) -> String? { count == 0 ? nil : "Contoso \"/\\" }

    func testTheBytesAreTheTextOfTheFieldByFieldRenderer() throws {
        let report = AuditReport(revision: "HEAD", commit: head, today: Day(daysSinceEpoch: 20_500), tenant: nil, rows: hostileRows())
        XCTAssertEqual(AuditRenderer().csv(report), reference(report))
        let empty = AuditReport(revision: "HEAD", commit: head, today: Day(daysSinceEpoch: 20_500), tenant: nil, rows: [])
        XCTAssertEqual(AuditRenderer().csv(empty), reference(empty))
    }

    func testEachFieldAloneMatchesCSVField() {
        for value in Self.values {
            for defusing in [true, false] {
                var writer = AuditCSVWriter()
                writer.field(value, defusingFormula: defusing)
                XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), TextEscaping.csvField(value, defusingFormula: defusing), value.debugDescription)
            }
        }
    }
}
