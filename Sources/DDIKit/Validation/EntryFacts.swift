/// What most rules read of one number entry, copied out of its box into one dense array.
///
/// Each entry's fields live in a box of some 750 bytes, and every rule walked all of them: with
/// 120,000 entries, loading (and retaining) the boxes once per rule, from two threads at once,
/// was most of the rules' time. A rule now walks these facts in order and reads an entry's box only
/// for what it reports (README "Performance"). `EntryFactsTests` checks each fact against the entry.
struct EntryFacts: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let hasSpan = Flags(rawValue: 1 << 0)
        /// The span's first number has an extension.
        static let hasExtension = Flags(rawValue: 1 << 1)
        static let hasAssignedTo = Flags(rawValue: 1 << 2)
        static let hasRouting = Flags(rawValue: 1 << 3)
        static let hasReviewed = Flags(rawValue: 1 << 4)
        static let hasSince = Flags(rawValue: 1 << 5)
        static let hasUntil = Flags(rawValue: 1 << 6)
    }

    let status: NumberStatus?
    let kind: NumberKind?
    let category: AssignmentCategory?
    let flags: Flags
    let writtenKeys: KeySet
    /// The days of `reviewed`, `since` and `until`, meaningful only with their flag.
    private let reviewedDays: Int
    private let sinceDays: Int
    private let untilDays: Int
    /// The span's keys, meaningful only with `hasSpan`.
    let lowerKey: UInt64
    let upperKey: UInt64

    init(_ entry: NumberEntry) {
        // Read in place: `entry.fields` would copy the whole entry, and a `Located` field its
        // location's file name, retaining strings shared by every entry of a file.
        status = entry.fieldsInPlace.status?.value
        kind = entry.fieldsInPlace.kind?.value
        category = entry.fieldsInPlace.category?.value
        writtenKeys = entry.fieldsInPlace.writtenKeys
        var flags: Flags = []
        if let span = entry.fieldsInPlace.span {
            flags.insert(.hasSpan)
            if span.first.phoneExtension != nil { flags.insert(.hasExtension) }
            lowerKey = span.lowerKey
            upperKey = span.upperKey
        } else {
            lowerKey = 0
            upperKey = 0
        }
        if entry.fieldsInPlace.assignedTo != nil { flags.insert(.hasAssignedTo) }
        if entry.fieldsInPlace.routing != nil { flags.insert(.hasRouting) }
        if let reviewed = entry.fieldsInPlace.reviewed?.value {
            flags.insert(.hasReviewed)
            reviewedDays = reviewed.daysSinceEpoch
        } else {
            reviewedDays = 0
        }
        if let since = entry.fieldsInPlace.since?.value {
            flags.insert(.hasSince)
            sinceDays = since.daysSinceEpoch
        } else {
            sinceDays = 0
        }
        if let until = entry.fieldsInPlace.until?.value {
            flags.insert(.hasUntil)
            untilDays = until.daysSinceEpoch
        } else {
            untilDays = 0
        }
        self.flags = flags
    }

    /// The facts of every entry, in order, read on all cores: this is the one walk over the entries'
    /// boxes before the rules start.
    static func of(_ numbers: [NumberEntry]) -> [EntryFacts] {
        let partSize = 16_384
        guard numbers.count > partSize else { return numbers.map(EntryFacts.init) }
        let parts = stride(from: 0, to: numbers.count, by: partSize).map { $0..<min($0 + partSize, numbers.count) }
        return Array(Parallel.map(parts) { numbers[$0].map(EntryFacts.init) }.joined())
    }

    var reviewed: Day? { flags.contains(.hasReviewed) ? Day(daysSinceEpoch: reviewedDays) : nil }
    var since: Day? { flags.contains(.hasSince) ? Day(daysSinceEpoch: sinceDays) : nil }
    var until: Day? { flags.contains(.hasUntil) ? Day(daysSinceEpoch: untilDays) : nil }

    /// `NumberEntry.effectiveCategory`.
    var effectiveCategory: AssignmentCategory { category ?? .primary }
}
