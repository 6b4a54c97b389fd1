public struct RangeCost: Sendable, Equatable {
    public var perNumberMonth: Double
    public var currency: String
}

/// A block of numbers the organisation holds from one source (`ranges:` entry).
public struct NumberRange: Sendable {
    public var id: Located<String>
    /// The `block:` text as written; `span` is nil when it is not a valid block (DDI002 says why).
    public var blockText: Located<String>?
    public var span: Located<NumberSpan>?
    public var shapeProblem: String?
    public var source: Located<NumberSource>?
    public var country: Located<String>?
    public var carrier: String?
    public var site: String?
    public var locationID: String?
    public var cost: RangeCost?
    public var note: String?
    /// Where the entry starts (its `-` item).
    public var location: SourceLocation
}
