import Foundation

public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github, sarif
}

/// Formats a validation report. Paths are relative to the inventory root; `pathPrefix` (the root's
/// path inside the git repository) is prepended for formats that GitHub reads.
public struct DiagnosticRenderer: OutputRenderer, Sendable {
    public var pathPrefix: String

    public init(pathPrefix: String = "") { self.pathPrefix = pathPrefix }

    public func render(_ report: ValidationReport, as format: DiagnosticFormat) throws(OutputError) -> String {
        switch format {
        case .text: text(report)
        case .json: try json(report)
        case .github: github(report)
        case .sarif: try SARIFLog(report: report, pathPrefix: pathPrefix).rendered()
        }
    }

    /// `FILE:LINE:COL: SEVERITY[ID]: MESSAGE` lines, then a one-line summary.
    public func text(_ report: ValidationReport) -> String {
        // The file name and the message carry inventory text: one line each, no escape sequences.
        var lines = report.diagnostics.map { TextEscaping.terminal("\($0.location): \($0.severity.rawValue)[\($0.ruleID)]: \($0.message)") }
        lines.append(Self.summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func summary(_ report: ValidationReport) -> String {
        let files = report.fileCount == 1 ? "1 file" : "\(report.fileCount) files"
        if report.diagnostics.isEmpty { return "no problems in \(files)" }
        return "\(Wording.counted(report.count(.error), "error")), \(Wording.counted(report.count(.warning), "warning")), \(report.count(.info)) info in \(files)"
    }

    public func json(_ report: ValidationReport) throws(OutputError) -> String {
        struct Output: Encodable {
            struct Summary: Encodable { var errors, warnings, infos, files: Int }
            var diagnostics: [Diagnostic]
            var summary: Summary
        }
        let output = Output(
            diagnostics: report.diagnostics,
            summary: .init(errors: report.count(.error), warnings: report.count(.warning), infos: report.count(.info), files: report.fileCount)
        )
        return try JSONOutput.encode(output)
    }

    /// GitHub Actions workflow commands, one annotation per diagnostic.
    public func github(_ report: ValidationReport) -> String {
        var lines = report.diagnostics.map { diagnostic -> String in
            let command = switch diagnostic.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let file = TextEscaping.githubProperty(pathPrefix + diagnostic.location.file)
            let title = TextEscaping.githubProperty(diagnostic.ruleID)
            return "::\(command) file=\(file),line=\(diagnostic.location.line),col=\(diagnostic.location.column),title=\(title)::\(TextEscaping.githubData(diagnostic.message))"
        }
        lines.append(Self.summary(report))
        return lines.joined(separator: "\n") + "\n"
    }
}
