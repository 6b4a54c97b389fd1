import DDIKit

/// The formats a plan is printed in: `ddi plan --format`.
public enum PlanFormat: String, CaseIterable, Sendable {
    case text, markdown, json
}

/// Every plan format behind the one renderer contract; the formats' own renderers only format.
public struct PlanRenderer: OutputRenderer, Sendable {
    public init() {}

    public func render(_ plan: Plan, as format: PlanFormat) throws(OutputError) -> String {
        switch format {
        case .text: PlanTextRenderer.render(plan)
        case .markdown: PlanMarkdownRenderer.render(plan)
        case .json: try PlanJSONRenderer.render(plan)
        }
    }
}
