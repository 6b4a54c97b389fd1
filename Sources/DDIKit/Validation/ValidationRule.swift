/// What a rule reports; the engine adds the rule's ID and the effective severity.
public struct RuleFindings: Sendable {
    public struct Finding: Sendable {
        public var message: String
        public var location: SourceLocation
        public var related: [RelatedLocation]
        public var severity: Severity?
    }

    public private(set) var items: [Finding] = []

    public init() {}

    /// `severity` overrides the rule's default for this finding only (a rule may grade its findings).
    public mutating func add(_ message: String, at location: SourceLocation, related: [RelatedLocation] = [], severity: Severity? = nil) {
        items.append(Finding(message: message, location: location, related: related, severity: severity))
    }
}

/// One validation rule (README "Validation"): a stable ID, a default severity, why it exists, and examples.
public protocol ValidationRule: Sendable {
    var id: String { get }
    var title: String { get }
    var defaultSeverity: Severity { get }
    var rationale: String { get }
    /// One line for the README's rules table (`RuleCatalog.markdownTable`); the title when not given.
    var summary: String { get }
    var examples: [RuleExample] { get }
    func check(_ context: ValidationContext, _ findings: inout RuleFindings)
}

extension ValidationRule {
    public var summary: String { title }
}
