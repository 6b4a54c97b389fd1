/// A small inventory that shows a rule passing or failing; it is the rule's test and its documentation.
public struct RuleExample: Sendable {
    public var isValid: Bool
    public var summary: String
    /// Inventory files by path; `ddi.yaml` may be given to change policy.
    public var files: [(path: String, text: String)]
    /// The inventory at the base revision (`--base`), for rules that compare with it; nil: no base.
    public var base: [(path: String, text: String)]? = nil
    /// For rules that read commit messages: the message of the one commit that turns `base` into
    /// `files`; nil: no commit.
    public var commitMessage: String? = nil

    public static func valid(_ summary: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: true, summary: summary, files: files)
    }

    public static func invalid(_ summary: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, files: files)
    }

    public static func valid(_ summary: String, base: [(path: String, text: String)], _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: true, summary: summary, files: files, base: base)
    }

    public static func invalid(_ summary: String, base: [(path: String, text: String)], _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, files: files, base: base)
    }

    public static func valid(_ summary: String, base: [(path: String, text: String)], commitMessage: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: true, summary: summary, files: files, base: base, commitMessage: commitMessage)
    }

    public static func invalid(_ summary: String, base: [(path: String, text: String)], commitMessage: String, _ files: (path: String, text: String)...) -> RuleExample {
        RuleExample(isValid: false, summary: summary, files: files, base: base, commitMessage: commitMessage)
    }

    /// Examples are checked as if today were this day, so their dates never go stale.
    public static let today = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)
}

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

/// One validation rule (DESIGN 3): a stable ID, a default severity, why it exists, and examples.
public protocol ValidationRule: Sendable {
    var id: String { get }
    var title: String { get }
    var defaultSeverity: Severity { get }
    var rationale: String { get }
    var examples: [RuleExample] { get }
    func check(_ context: ValidationContext, _ findings: inout RuleFindings)
}
