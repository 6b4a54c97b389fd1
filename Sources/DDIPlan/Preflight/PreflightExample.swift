import DDIKit

/// A small situation that shows a check passing, failing, or skipped for want of input; it is the
/// check's test (`PreflightExampleTests`) and the text of `ddi explain PF...`.
public struct PreflightExample: Sendable {
    public enum Outcome: Sendable, Equatable {
        case passes
        /// Every finding's message contains this text.
        case fails(message: String)
        /// The check looks at nothing and reports once that the export lacks this.
        case skipped(lacking: String)
    }

    public var summary: String
    public var outcome: Outcome
    public var context: PreflightContext

    public static func valid(_ summary: String, _ context: PreflightContext) -> PreflightExample {
        PreflightExample(summary: summary, outcome: .passes, context: context)
    }

    public static func invalid(_ summary: String, message: String, _ context: PreflightContext) -> PreflightExample {
        PreflightExample(summary: summary, outcome: .fails(message: message), context: context)
    }

    public static func skipped(_ summary: String, lacking: String, _ context: PreflightContext) -> PreflightExample {
        PreflightExample(summary: summary, outcome: .skipped(lacking: lacking), context: context)
    }

    public var isValid: Bool { outcome == .passes }
}
