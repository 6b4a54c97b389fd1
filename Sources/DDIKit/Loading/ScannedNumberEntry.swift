/// The number entries' shortcut: an entry read by `BlockYAMLScanner` is filed straight from the
/// scanner's tape into its `NumberEntry`, without events, scalars, nodes or field slots in between.
///
/// Only an entry that `decodeNumber` would accept without a word takes it: known keys, each once,
/// scalar values (a flat list for `tags`), values every field reader accepts. Anything else, and
/// every entry libyaml read, goes the event way, which reports the problems: so the shortcut never
/// has a diagnostic of its own to get right. The differential tests compare both ways on every
/// example, fixture, damaged and generated inventory (README "Performance").
extension InventoryFileDecoder {
    static let numberKeyBytes: [[UInt8]] = numberKeys.map { Array($0.utf8) }
    /// For each length in bytes, the indexes of the number keys that long: a key is compared with
    /// the two or three names of its length, not all eighteen (README "Performance").
    static let numberKeysByLength: [[Int]] = {
        var table = [[Int]](repeating: [], count: (numberKeyBytes.map(\.count).max() ?? 0) + 1)
        for (index, name) in numberKeyBytes.enumerated() { table[name.count].append(index) }
        return table
    }()

    /// The entry whose mapping started with the event just read, taken from the tape, with the
    /// reader moved past its end and its nodes counted; nil, having read and counted nothing, when
    /// the entry is not in the shape the shortcut takes.
    mutating func scannedNumberEntry(_ events: YAMLEventReader, _ builder: inout YAMLTreeBuilder, start: SourceLocation) -> NumberEntry? {
        let position = events.nextScanned
        let file = events.file
        let taken = events.withScannedTape { tape, bytes, unescaped in
            var scanned = ScannedEntryReader(tape: tape, bytes: bytes, unescaped: unescaped, file: file)
            return scanned.entry(from: position, start: start)
        }
        guard let taken, builder.countIfRoom(taken.nodes) else { return nil }
        events.nextScanned = taken.end
        shortcutEntries += 1
        return taken.entry
    }
}

/// Reads one number entry from a scanned tape: `entry(from:start:)` mirrors `decodeNumber` for
/// entries it accepts silently and gives up (nil) wherever `decodeNumber` would report something.
struct ScannedEntryReader {
    typealias NumberKey = InventoryFileDecoder.NumberKey

    let tape: UnsafeBufferPointer<ScannedEvent>
    let bytes: UnsafeBufferPointer<UInt8>
    let unescaped: [String]
    let file: String
    private let keyNames = InventoryFileDecoder.numberKeyBytes
    private let keysByLength = InventoryFileDecoder.numberKeysByLength
    /// Per key (`NumberKey`'s eighteen), the tape index of its value (for `tags`, of the list's
    /// start); -1 when absent or null. Inline: no allocation per entry.
    private var slots = InlineArray<18, Int>(repeating: -1)

    init(tape: UnsafeBufferPointer<ScannedEvent>, bytes: UnsafeBufferPointer<UInt8>, unescaped: [String], file: String) {
        self.tape = tape
        self.bytes = bytes
        self.unescaped = unescaped
        self.file = file
    }

    /// The entry, the tape index after its mapping's end, and how many nodes the tree builder
    /// would have counted for it.
    mutating func entry(from position: Int, start: SourceLocation) -> (entry: NumberEntry, end: Int, nodes: Int)? {
        guard let (end, nodes) = fileSlots(from: position) else { return nil }
        guard let fields = fields(start: start) else { return nil }
        return (NumberEntry(fields: fields), end, nodes)
    }

    /// Files each key's value index into `slots`, as `ShapeReader.place` would: nil on an unknown or
    /// repeated key, a key that is not a scalar of the input, or a value that is not a scalar (a list
    /// of scalars for `tags`).
    private mutating func fileSlots(from position: Int) -> (end: Int, nodes: Int)? {
        var seen: UInt32 = 0
        var index = position
        var nodes = 0
        while index < tape.count {
            let keyEvent = tape[index]
            if keyEvent.kind == .mappingEnd { return (index + 1, nodes) }
            guard keyEvent.kind == .plainScalar || keyEvent.kind == .quotedScalar, let key = numberKey(keyEvent) else { return nil }
            let bit = UInt32(1) << UInt32(key.rawValue)
            guard seen & bit == 0 else { return nil }
            seen |= bit
            index += 1
            guard index < tape.count else { return nil }
            let value = tape[index]
            switch value.kind {
            case .plainScalar, .quotedScalar, .unescapedScalar:
                nodes += 2
                // A null value counts as absent, its key as written once (ShapeReader.place).
                if !isNull(value) {
                    // `tags` must be a list: decodeTags reports anything else.
                    guard key != .tags else { return nil }
                    slots[key.rawValue] = index
                }
                index += 1
            case .sequenceStart where key == .tags:
                var item = index + 1
                while item < tape.count, isScalar(tape[item]) { item += 1 }
                guard item < tape.count, tape[item].kind == .sequenceEnd else { return nil }
                nodes += 2 + (item - index - 1)
                slots[key.rawValue] = index
                index = item + 1
            default:
                return nil
            }
        }
        return nil
    }

    /// `decodeNumber` for filed slots, nil wherever it would report a problem.
    private func fields(start: SourceLocation) -> NumberEntryFields? {
        var entry: NumberEntryFields
        switch (located(.number), located(.block)) {
        case (let number?, nil):
            entry = NumberEntryFields(parsing: number, isBlock: false, location: start)
        case (nil, let block?):
            entry = NumberEntryFields(parsing: block, isBlock: true, location: start)
        default:
            return nil
        }
        entry.writtenKeys = KeySet(count: slots.count) { slots[$0] >= 0 }
        guard let written = choice(.status, as: NumberStatus.self), let status = written else { return nil }
        if entry.isBlock, status.value == .assigned { return nil }
        entry.status = status
        guard let kind = choice(.kind, as: NumberKind.self) else { return nil }
        entry.kind = kind
        if let assignedTo = located(.assignedTo) {
            let accepted = kind?.value == .sharedCalling
                ? Identity.looksLikePolicyTarget(assignedTo.value) : Identity.looksLikeUPN(assignedTo.value)
            guard accepted else { return nil }
            entry.assignedTo = assignedTo
        }
        entry.owner = located(.owner)
        entry.department = text(.department)
        entry.routing = located(.routing)
        guard let category = choice(.category, as: AssignmentCategory.self) else { return nil }
        entry.category = category
        entry.locationID = text(.locationID)
        entry.license = text(.license)
        if slots[NumberKey.tags.rawValue] >= 0 {
            guard let tags = tags() else { return nil }
            entry.tags = tags
        }
        guard let reviewed = day(.reviewed), let since = day(.since), let until = day(.until) else { return nil }
        entry.reviewed = reviewed
        entry.since = since
        entry.until = until
        entry.reason = located(.reason)
        guard let handover = boolean(.handover) else { return nil }
        entry.handover = handover ?? false
        entry.note = text(.note)
        return entry
    }

    // MARK: - Values, as ShapeReader's readers take them

    /// The scalar's text, as `ScannedDocument.event` makes it.
    private func text(at index: Int) -> String {
        let event = tape[index]
        if event.kind == .unescapedScalar {
            return unescaped.indices.contains(event.start) ? unescaped[event.start] : ""
        }
        let range = max(0, event.start)..<min(bytes.count, max(event.start, event.end))
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    private func location(at index: Int) -> SourceLocation {
        SourceLocation(file: file, line: Int(tape[index].line), column: Int(tape[index].column))
    }

    private func located(_ key: NumberKey) -> Located<String>? {
        let index = slots[key.rawValue]
        return index < 0 ? nil : Located(text(at: index), at: location(at: index))
    }

    private func text(_ key: NumberKey) -> String? {
        let index = slots[key.rawValue]
        return index < 0 ? nil : text(at: index)
    }

    /// `.some(nil)` when absent, nil when the value is not one of the choices.
    private func choice<Choice: RawRepresentable>(_ key: NumberKey, as type: Choice.Type) -> Located<Choice>?? where Choice.RawValue == String {
        guard let written = located(key) else { return .some(nil) }
        guard let value = Choice(rawValue: written.value) else { return nil }
        return .some(Located(value, at: written.location))
    }

    private func day(_ key: NumberKey) -> Located<Day>?? {
        guard let written = located(key) else { return .some(nil) }
        guard let day = Day(iso: written.value) else { return nil }
        return .some(Located(day, at: written.location))
    }

    private func boolean(_ key: NumberKey) -> Bool?? {
        guard let written = text(key) else { return .some(nil) }
        switch written {
        case "true", "True", "TRUE": return .some(true)
        case "false", "False", "FALSE": return .some(false)
        default: return nil
        }
    }

    /// `decodeTags`: nil when the list is too long or a tag is.
    private func tags() -> [String]? {
        let first = slots[NumberKey.tags.rawValue] + 1
        var end = first
        while end < tape.count, isScalar(tape[end]) { end += 1 }
        guard end - first <= InventoryFileDecoder.maximumTags else { return nil }
        var tags: [String] = []
        tags.reserveCapacity(end - first)
        for index in first..<end {
            let tag = text(at: index)
            guard tag.utf8.count <= InventoryFileDecoder.maximumTagLength || tag.count <= InventoryFileDecoder.maximumTagLength else { return nil }
            tags.append(tag)
        }
        return tags
    }

    // MARK: - Tape

    private func isScalar(_ event: ScannedEvent) -> Bool {
        event.kind == .plainScalar || event.kind == .quotedScalar || event.kind == .unescapedScalar
    }

    /// `YAMLScalar.isNull` on the tape: a plain empty, `~`, `null`, `Null` or `NULL`.
    private func isNull(_ event: ScannedEvent) -> Bool {
        guard event.kind == .plainScalar else { return false }
        let bytes = slice(event)
        switch bytes.count {
        case 0: return true
        case 1: return bytes[bytes.startIndex] == UInt8(ascii: "~")
        case 4: return Self.nullSpellings.contains { $0.elementsEqual(bytes) }
        default: return false
        }
    }

    private static let nullSpellings: [[UInt8]] = ["null", "Null", "NULL"].map { Array($0.utf8) }

    private func slice(_ event: ScannedEvent) -> Slice<UnsafeBufferPointer<UInt8>> {
        bytes[max(0, event.start)..<min(bytes.count, max(event.start, event.end))]
    }

    private func numberKey(_ event: ScannedEvent) -> NumberKey? {
        let written = slice(event)
        guard written.count < keysByLength.count else { return nil }
        // A key past the slots (one added to NumberKey without growing them) takes the event way.
        for index in keysByLength[written.count] where index < slots.count && keyNames[index].elementsEqual(written) {
            return NumberKey(rawValue: index)
        }
        return nil
    }
}
