/// One `numbers:` entry: a single number or a block, with its lifecycle fields.
public struct NumberEntry: Sendable {
    /// The text of `number:` or `block:` as written.
    public var text: Located<String>
    /// Nil when the text is not a valid number or block (DDI002 reports why).
    public var span: NumberSpan?
    public var shapeProblem: String?
    public var isBlock: Bool
    public var status: Located<NumberStatus>?
    public var kind: Located<NumberKind>?
    public var assignedTo: Located<String>?
    public var owner: Located<String>?
    public var department: String?
    public var routing: Located<String>?
    public var category: Located<AssignmentCategory>?
    public var locationID: String?
    public var license: String?
    public var tags: [String]
    public var reviewed: Located<Day>?
    public var since: Located<Day>?
    public var until: Located<Day>?
    public var reason: Located<String>?
    public var handover: Bool
    public var note: String?
    /// Which keys the entry wrote, valid or not, so that a value already reported as malformed is not
    /// reported again as missing.
    public var writtenKeys: Set<String> = []
    /// Where the entry starts (its `-` item).
    public var location: SourceLocation

    public init(text: Located<String>, isBlock: Bool, location: SourceLocation) {
        self.text = text
        self.isBlock = isBlock
        self.location = location
        tags = []
        handover = false
    }

    /// The category Teams would use: `primary` unless the entry says otherwise.
    public var effectiveCategory: AssignmentCategory { category?.value ?? .primary }
}
