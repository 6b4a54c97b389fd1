/// What became of one step. The journal writes it as the text it always has (`done`,
/// `already-done`, `skipped-tags`), so journals written before the type existed still read.
public enum StepOutcome: Sendable, Hashable {
    /// The provider carried the step out.
    case done
    /// The tenant already showed the step's effect; nothing was sent.
    case alreadyDone
    /// A step the journal lists as finished, and the tenant shows it: an earlier run did it.
    case doneEarlier
    /// The provider does not carry steps of this kind out (decided before any step runs).
    case skipped(SkipReason)

    /// The outcome as the journal writes it. `doneEarlier` is never journaled again.
    public var journalText: String {
        switch self {
        case .done: "done"
        case .alreadyDone: "already-done"
        case .doneEarlier: "done-earlier"
        case .skipped(let reason): "skipped-" + reason.rawValue
        }
    }

    public init?(journalText: String) {
        switch journalText {
        case "done": self = .done
        case "already-done": self = .alreadyDone
        case "done-earlier": self = .doneEarlier
        default:
            guard journalText.hasPrefix("skipped-"), let reason = SkipReason(rawValue: String(journalText.dropFirst(8))) else { return nil }
            self = .skipped(reason)
        }
    }

    /// The word the progress line shows.
    public var progressLabel: String {
        self == .doneEarlier ? "done earlier" : journalText
    }

    /// Whether the step gets a journal line: a step done earlier has one already, and so has a
    /// skipped step an earlier run journaled; a step carried out (again) always gets one.
    func needsJournalLine(journaled: Bool) -> Bool {
        switch self {
        case .done, .alreadyDone: true
        case .doneEarlier: false
        case .skipped: !journaled
        }
    }
}

extension StepOutcome: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let outcome = StepOutcome(journalText: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown step outcome"))
        }
        self = outcome
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(journalText)
    }
}

/// Why a provider leaves a kind of step out. The provider explains it in its own words
/// (`ApplyProvider.advice(for:)`), so the summary can say what to do instead.
public enum SkipReason: String, Sendable, Hashable, CaseIterable {
    /// The provider cannot set number tags (Graph v1.0's numberAssignment has none).
    case tags
    /// The provider unassigns but cannot block the number (Graph v1.0's unassignNumber has no block).
    case assignmentBlock = "assignment-block"

    /// One skipped step of this kind, for `Wording.counted`: "1 tag step", "2 tag steps".
    public var step: String {
        switch self {
        case .tags: "tag step"
        case .assignmentBlock: "assignment block"
        }
    }
}
