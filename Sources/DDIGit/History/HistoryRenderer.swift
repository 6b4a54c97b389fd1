import DDIKit

/// The formats of `ddi history` and `ddi blame`.
public enum HistoryFormat: String, CaseIterable, Sendable {
    case text, json
}

/// A number's history as one value: what `ddi history` renders.
public struct NumberHistory: Sendable {
    public var number: PhoneNumber
    /// The revision the walk started from, as the user named it.
    public var revision: String
    public var events: [NumberHistoryEvent]
    public var newestFirst: Bool

    public init(number: PhoneNumber, revision: String, events: [NumberHistoryEvent], newestFirst: Bool) {
        self.number = number
        self.revision = revision
        self.events = events
        self.newestFirst = newestFirst
    }
}

/// `ddi history` behind the one renderer contract.
public struct HistoryRenderer: OutputRenderer, Sendable {
    public init() {}

    public func render(_ history: NumberHistory, as format: HistoryFormat) throws(OutputError) -> String {
        switch format {
        case .text: NumberHistoryRenderer.text(number: history.number, events: history.events, newestFirst: history.newestFirst)
        case .json: try NumberHistoryRenderer.json(number: history.number, revision: history.revision, events: history.events)
        }
    }
}

/// `ddi blame` behind the one renderer contract.
public struct BlameLinesRenderer: OutputRenderer, Sendable {
    public init() {}

    public func render(_ lines: [BlameLine], as format: HistoryFormat) throws(OutputError) -> String {
        switch format {
        case .text: BlameRenderer.text(lines)
        case .json: try BlameRenderer.json(lines)
        }
    }
}
