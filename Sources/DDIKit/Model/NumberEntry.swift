/// The fields of one `numbers:` entry.
public struct NumberEntryFields: Sendable {
    public init(text: Located<String>, isBlock: Bool, location: SourceLocation) {
        self.text = text
        self.isBlock = isBlock
        self.location = location
    }

    /// An entry of `number:` or `block:` text, its span parsed (or why it could not be, for DDI002):
    /// the one way both loaders (`InventoryFileDecoder`, `ScannedNumberEntry`) start an entry.
    init(parsing text: Located<String>, isBlock: Bool, location: SourceLocation) {
        // Not delegating to `init(text:isBlock:location:)`: that copied the whole entry once more.
        self.text = text
        self.isBlock = isBlock
        self.location = location
        let parsed = isBlock ? NumberSpan.parseBlock(Substring(text.value)) : PhoneNumber.parse(Substring(text.value)).map(NumberSpan.init(single:))
        switch parsed {
        case .success(let span): self.span = span
        case .failure(let error): shapeProblem = error.message
        }
    }

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
    public var tags: [String] = []
    public var reviewed: Located<Day>?
    public var since: Located<Day>?
    public var until: Located<Day>?
    public var reason: Located<String>?
    public var handover = false
    public var note: String?
    /// Which keys the entry wrote, valid or not, so that a value already reported as malformed is not
    /// reported again as missing.
    public var writtenKeys = KeySet()
    /// Where the entry starts (its `-` item).
    public var location: SourceLocation
}

/// One `numbers:` entry: a single number or a block, with its lifecycle fields.
///
/// The fields live in a shared copy-on-write box: rules, indexes and sorted views copy entries freely,
/// and with 100,000 entries of some twenty fields each, copying the fields themselves dominated
/// validation time and doubled peak memory.
@dynamicMemberLookup
public struct NumberEntry: Sendable {
    private final class Box: @unchecked Sendable {
        // Mutated only through `NumberEntry`'s setter, and only while uniquely referenced.
        var fields: NumberEntryFields
        init(_ fields: NumberEntryFields) { self.fields = fields }
    }

    private var box: Box

    public init(text: Located<String>, isBlock: Bool, location: SourceLocation) {
        box = Box(NumberEntryFields(text: text, isBlock: isBlock, location: location))
    }

    public init(fields: NumberEntryFields) {
        box = Box(fields)
    }

    public var fields: NumberEntryFields { box.fields }

    /// The fields read in place: `fields` copies all twenty of them, retaining every string.
    var fieldsInPlace: NumberEntryFields {
        _read { yield box.fields }
    }

    public subscript<Value>(dynamicMember key: WritableKeyPath<NumberEntryFields, Value>) -> Value {
        get { box.fields[keyPath: key] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: key] = newValue
        }
    }

    /// The category Teams would use: `primary` unless the entry says otherwise.
    public var effectiveCategory: AssignmentCategory { box.fields.category?.value ?? .primary }
}

/// A set of the keys a number entry may have, as a bit mask (hashing strings per entry was measurable).
public struct KeySet: Sendable, Equatable {
    static let keys = InventoryFileDecoder.numberKeys
    private var bits: UInt32 = 0

    public init() {}

    public init<Keys: Sequence>(_ names: Keys) where Keys.Element == String {
        for name in names { insert(name) }
    }

    /// From one flag per key, in the order of `InventoryFileDecoder.numberKeys`.
    init(slots: [Bool]) {
        self.init(count: slots.count) { slots[$0] }
    }

    /// From `isSet` of each key index below `count`, without building an array per entry.
    init(count: Int, isSet: (Int) -> Bool) {
        for index in 0..<min(count, 32) where isSet(index) { bits |= 1 << UInt32(index) }
    }

    public mutating func insert(_ name: String) {
        if let index = Self.keys.firstIndex(of: name) { bits |= 1 << UInt32(index) }
    }

    public mutating func formUnion(_ other: KeySet) { bits |= other.bits }

    public func isSuperset(of other: KeySet) -> Bool { bits & other.bits == other.bits }

    public func contains(_ name: String) -> Bool {
        guard let index = Self.keys.firstIndex(of: name) else { return false }
        return bits & (1 << UInt32(index)) != 0
    }
}
