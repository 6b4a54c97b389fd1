import DDIKit

/// The formats of `ddi report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, html
}

/// Every report format behind the one renderer contract.
public struct ReportRenderer: OutputRenderer, Sendable {
    public init() {}

    public func render(_ report: CapacityReport, as format: ReportFormat) throws(OutputError) -> String {
        switch format {
        case .text: TextReportRenderer(report: report).render()
        case .json: try JSONReportRenderer(report: report).render()
        case .html: HTMLReportRenderer(report: report).render()
        }
    }
}

extension CapacityReport {
    public func render(_ format: ReportFormat) throws(OutputError) -> String {
        try ReportRenderer().render(self, as: format)
    }

    /// `render(format)` as UTF-8 bytes: JSON is written straight into bytes (`JSONBytesOutput`), so a
    /// large report never becomes a `String`.
    public func renderedBytes(_ format: ReportFormat) throws(OutputError) -> [UInt8] {
        switch format {
        case .json: try JSONReportRenderer(report: self).renderedBytes()
        case .text, .html: Array(try render(format).utf8)
        }
    }
}
