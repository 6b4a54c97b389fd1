import DDIKit

/// One preflight check (README "Preflight checks"): a rule of Teams that an assignment must satisfy, checked on the
/// plan and the directory export before anything is applied. Like a validation rule it has a stable
/// ID, a default severity, why it exists, the Microsoft page it rests on, and examples that are both
/// its test and the text of `ddi explain ID`.
public protocol PreflightCheck: Sendable {
    var id: String { get }
    var title: String { get }
    var defaultSeverity: Severity { get }
    var rationale: String { get }
    /// The Microsoft page the rule rests on.
    var source: String { get }
    var examples: [PreflightExample] { get }
    func check(_ context: PreflightContext, _ findings: inout PreflightFindings)
}

/// What a check reports; the runner adds the check's ID, kind and effective severity.
public struct PreflightFindings: Sendable {
    public struct Finding: Sendable, Equatable {
        public var number: String
        public var identity: String?
        public var message: String
        public var fix: String
        public var declaredAt: SourceLocation?
        public var live: RecordOrigin?
    }

    public private(set) var items: [Finding] = []
    /// Numbers the check could not look at, by what the export lacks: reported once per check.
    public private(set) var skipped: [String: [String]] = [:]
    /// Where each skipped number is declared, so that the one note can name a place.
    public private(set) var skippedPlaces: [String: SourceLocation] = [:]

    public init() {}

    public mutating func add(_ number: String, identity: String?, _ message: String, fix: String,
                             declaredAt: SourceLocation?, live: RecordOrigin? = nil) {
        items.append(Finding(number: number, identity: identity, message: message, fix: fix, declaredAt: declaredAt, live: live))
    }

    /// `lacking` completes "the export lacks ...": never guess what the export does not say.
    public mutating func skip(_ number: String, lacking: String, declaredAt: SourceLocation? = nil) {
        skipped[lacking, default: []].append(number)
        if let declaredAt, skippedPlaces[number] == nil { skippedPlaces[number] = declaredAt }
    }
}
