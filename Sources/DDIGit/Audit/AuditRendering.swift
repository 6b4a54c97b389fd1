import DDIKit
import Foundation

public enum AuditFormat: String, CaseIterable, Sendable {
    case text, csv, json, markdown
}

/// Formats an audit report as a table for people (text, markdown), a spreadsheet (CSV) or JSON.
public struct AuditRenderer: OutputRenderer, Sendable {
    public init() {}

    public static let columns = [
        "number", "status", "kind", "owner", "assigned_to", "routing", "reviewed", "file",
        "last_commit", "last_author", "last_date", "last_summary", "flags",
    ]

    public func render(_ report: AuditReport, as format: AuditFormat) throws(OutputError) -> String {
        switch format {
        case .text: text(report)
        case .csv: csv(report)
        case .json: try json(report)
        case .markdown: markdown(report)
        }
    }

    /// `render(report, as: format)` as UTF-8 bytes: CSV and JSON are written straight into bytes, so
    /// a large audit never becomes a `String`.
    public func renderedBytes(_ report: AuditReport, as format: AuditFormat) throws(OutputError) -> [UInt8] {
        switch format {
        case .csv: csvBytes(report)
        case .json: try JSONBytesOutput.encode(jsonOutput(report))
        case .text, .markdown: Array(try render(report, as: format).utf8)
        }
    }

    func values(_ row: AuditRow) -> [String] {
        let entry = row.entry
        return [
            entry.key, entry.status ?? "", entry.kind ?? "", entry.owner ?? "", entry.assignedTo ?? "",
            entry.routing ?? "", entry.reviewed?.description ?? "", "\(entry.path):\(entry.line)",
            row.lastChange?.oid.hex ?? "", row.lastChange.map { "\($0.author.name) <\($0.author.email)>" } ?? "",
            row.lastChange?.author.isoDate ?? "", row.lastChange?.summary ?? "",
            row.flags.map(\.rawValue).joined(separator: " "),
        ]
    }

    public func summary(_ report: AuditReport) -> String {
        var parts = ["\(report.rows.count) entries at \(report.revision) (\(report.commit.oid.short())), \(report.today)"]
        let flagged = AuditFlag.allCases.compactMap { flag -> String? in
            let count = report.count(flag)
            return count == 0 ? nil : "\(count) \(flag.rawValue)"
        }
        parts.append(flagged.isEmpty ? "no flags" : flagged.joined(separator: ", "))
        return parts.joined(separator: "; ")
    }

    public func text(_ report: AuditReport) -> String {
        let header = ["NUMBER", "STATUS", "KIND", "OWNER", "ASSIGNED_TO", "REVIEWED", "LAST CHANGE", "FLAGS"]
        var table: [[String]] = [header]
        for row in report.rows {
            let entry = row.entry
            let last = row.lastChange.map { "\($0.oid.short(10)) \($0.author.day) \($0.author.name)" } ?? "-"
            table.append([entry.key, entry.status ?? "-", entry.kind ?? "-", entry.owner ?? "-", entry.assignedTo ?? "-",
                          entry.reviewed?.description ?? "-", last, row.flags.map(\.rawValue).joined(separator: ",")].map(TextEscaping.terminal))
        }
        var widths = [Int](repeating: 0, count: header.count)
        for line in table { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], min(cell.count, 40)) } }
        var lines = table.map { line in
            line.enumerated().map { index, cell in
                index == line.count - 1 ? cell : cell.padding(toLength: max(widths[index], cell.count), withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        lines.append(TextEscaping.terminal(summary(report)))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text from the inventory or from commits must not become a spreadsheet formula; the number
    /// column is E.164 and starts with `+` (`AuditCSVWriter`).
    public func csv(_ report: AuditReport) -> String {
        String(decoding: csvBytes(report), as: UTF8.self)
    }

    func csvBytes(_ report: AuditReport) -> [UInt8] {
        var writer = AuditCSVWriter()
        writer.write(report)
        return writer.bytes
    }

    /// `renderedBytes(report, as: format)` handed to `sink` in pieces (CSV: about a megabyte each, so
    /// that a large audit is never held whole; the other formats in one piece).
    public func write(_ report: AuditReport, as format: AuditFormat, to sink: @escaping ([UInt8]) -> Void) throws(OutputError) {
        guard format == .csv else { return sink(try renderedBytes(report, as: format)) }
        var writer = AuditCSVWriter()
        writer.write(report, to: sink)
    }

    public func markdown(_ report: AuditReport) -> String {
        var lines = [
            "### Number audit: \(TextEscaping.markdownCell(report.tenant ?? "inventory")) at `\(TextEscaping.markdownCode(report.revision))` (\(report.commit.oid.short()))",
            "",
            "As of \(report.today). \(TextEscaping.markdownCell(summary(report))).",
            "",
            "| Number | Status | Kind | Owner | Assigned to | Reviewed | Last change | Flags |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for row in report.rows {
            let entry = row.entry
            let last = row.lastChange.map { "\($0.oid.short()) \($0.author.day) \($0.author.name): \($0.summary)" } ?? "—"
            let cells = [entry.status ?? "", entry.kind ?? "", entry.owner ?? "", entry.assignedTo ?? "", entry.reviewed?.description ?? "", last, row.flags.map(\.rawValue).joined(separator: ", ")]
            lines.append("| `\(TextEscaping.markdownCode(entry.key))` | " + cells.map(TextEscaping.markdownCell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func json(_ report: AuditReport) throws(OutputError) -> String {
        try JSONOutput.encode(jsonOutput(report))
    }

    private func jsonOutput(_ report: AuditReport) -> some Encodable {
        struct Change: Encodable {
            var commit: String
            var author: String
            var email: String
            var date: String
            var summary: String
        }
        struct Row: Encodable {
            var number: String
            var status: String?
            var kind: String?
            var owner: String?
            var assigned_to: String?
            var department: String?
            var routing: String?
            var reviewed: String?
            var file: String
            var line: Int
            var last_change: Change?
            var flags: [String]
        }
        struct Output: Encodable {
            var revision: String
            var commit: String
            var today: String
            var tenant: String?
            var rows: [Row]
            var flags: [String: Int]
        }
        var counts: [String: Int] = [:]
        for flag in AuditFlag.allCases { counts[flag.rawValue] = report.count(flag) }
        let output = Output(
            revision: report.revision, commit: report.commit.oid.hex, today: report.today.description, tenant: report.tenant,
            rows: report.rows.map { row in
                let entry = row.entry
                return Row(
                    number: entry.key, status: entry.status, kind: entry.kind, owner: entry.owner, assigned_to: entry.assignedTo,
                    department: entry.department, routing: entry.routing, reviewed: entry.reviewed?.description,
                    file: entry.path, line: entry.line,
                    last_change: row.lastChange.map { Change(commit: $0.oid.hex, author: $0.author.name, email: $0.author.email, date: $0.author.isoDate, summary: $0.summary) },
                    flags: row.flags.map(\.rawValue)
                )
            },
            flags: counts
        )
        return output
    }
}
