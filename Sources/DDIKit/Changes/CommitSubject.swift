/// The first line of a generated commit message: what happened, in words, in at most 72 characters
/// (`Assign +4533121047 to ida.poulsen@contoso.com`,
/// `Offboard karen.lund@contoso.com: 2 numbers to quarantine`, `Change 5 numbers: 2 assigned, 3 reviewed`).
///
/// The most specific wording that fits wins; when values make it too long, a shorter wording with
/// counts takes its place. Values are escaped to one line.
enum CommitSubject {
    static let maxLength = 72

    /// `stillAssigned`: identities (lowercased) that hold an assigned number after the change; a
    /// release of several numbers of someone who holds none afterwards reads as an offboarding.
    static func make(_ diff: InventoryDiff, stillAssigned: Set<String>) -> String {
        let candidates = self.candidates(diff, stillAssigned: stillAssigned)
        for candidate in candidates where candidate.count <= maxLength { return candidate }
        let last = candidates.last ?? "Change the inventory"
        return String(last.prefix(maxLength - 1)) + "…"
    }

    static func candidates(_ diff: InventoryDiff, stillAssigned: Set<String>) -> [String] {
        let definitions = definitionPhrases(diff)
        if diff.numbers.isEmpty {
            if definitions.isEmpty { return ["Edit inventory files (no number, range or routing change)"] }
            return definitions.map(capitalised)
        }
        // A new inventory (or a new site) declared in one go: what it declares.
        if diff.numbers.count > 1, !definitions.isEmpty, diff.numbers.allSatisfy({ $0.before == nil }),
           (diff.ranges + diff.routing).allSatisfy({ $0.kind == .added }) {
            var parts = [counted(diff.numbers.count, "number", "numbers")]
            if !diff.ranges.isEmpty { parts.append(counted(diff.ranges.count, "range", "ranges")) }
            if !diff.routing.isEmpty { parts.append(counted(diff.routing.count, "routing entry", "routing entries")) }
            return ["Declare " + parts.joined(separator: ", ")]
        }
        var numberPhrases = numberPhrases(diff.numbers, stillAssigned: stillAssigned)
        numberPhrases.append(countPhrase(diff.numbers))
        numberPhrases.append("Change \(counted(diff.numbers.count, "number", "numbers"))")
        guard let shortest = definitions.last else { return numberPhrases }
        var result: [String] = []
        for phrase in numberPhrases {
            for definition in definitions { result.append("\(phrase); \(definition)") }
        }
        result.append("Change \(counted(diff.numbers.count, "number", "numbers")); \(shortest)")
        return result
    }

    /// Wordings for the number changes, most specific first.
    static func numberPhrases(_ changes: [NumberChange], stillAssigned: Set<String>) -> [String] {
        if let offboarded = offboardedIdentity(changes, stillAssigned: stillAssigned) {
            let allQuarantined = changes.allSatisfy { $0.after?.numberStatus == .quarantine }
            let what = counted(changes.count, "number", "numbers")
            return ["Offboard \(offboarded): \(what) \(allQuarantined ? "to quarantine" : "released")", "Offboard: release \(what)"]
        }
        if changes.count == 1, let change = changes.first { return single(change) }
        let kinds = Set(changes.map(primaryKind))
        guard kinds.count == 1, let kind = kinds.first else { return [] }
        let what = counted(changes.count, "number", "numbers")
        switch kind {
        case .assigned:
            let assignees = Set(changes.compactMap { $0.after?.assignedTo?.lowercased() })
            if assignees.count == 1, let who = changes.first?.after?.assignedTo { return ["Assign \(what) to \(value(who))"] }
            return ["Assign \(what)"]
        case .released: return ["Release \(what)"]
        case .reserved: return ["Reserve \(what)"]
        case .reviewed: return ["Review \(what)"]
        case .moved:
            let files = Set(changes.compactMap { $0.after?.path })
            if files.count == 1, let file = files.first { return ["Move \(what) to \(value(file))"] }
            return ["Move \(what)"]
        default: return []
        }
    }

    static func single(_ change: NumberChange) -> [String] {
        let number = value(change.subject)
        let before = change.before, after = change.after
        switch primaryKind(change) {
        case .assigned:
            return after?.assignedTo.map { ["Assign \(number) to \(value($0))", "Assign \(number)"] } ?? ["Assign \(number)"]
        case .reassigned:
            if let from = before?.assignedTo, let to = after?.assignedTo {
                return ["Hand \(number) over from \(value(from)) to \(value(to))", "Hand \(number) over to \(value(to))", "Hand \(number) over"]
            }
            return ["Hand \(number) over"]
        case .released:
            let target = after?.numberStatus == .quarantine ? " to quarantine" : ""
            if let from = before?.assignedTo { return ["Release \(number) from \(value(from))\(target)", "Release \(number)\(target)"] }
            return ["Release \(number)\(target)"]
        case .reserved:
            return after?.until.map { ["Reserve \(number) until \($0)", "Reserve \(number)"] } ?? ["Reserve \(number)"]
        case .freed:
            return before?.numberStatus == .quarantine ? ["Free \(number) after quarantine", "Free \(number)"] : ["Free \(number)"]
        case .retired: return ["Retire \(number)"]
        case .external: return ["Declare \(number) external"]
        case .ownerChanged:
            return ["Change owner of \(number) to \(value(after?.owner ?? "none"))", "Change owner of \(number)"]
        case .routingChanged:
            return after?.routing.map { ["Route \(number) to \(value($0))", "Change routing of \(number)"] } ?? ["Change routing of \(number)"]
        case .reviewed: return ["Review \(number)"]
        case .moved:
            return after.map { ["Move \(number) to \(value($0.path))", "Move \(number)"] } ?? ["Move \(number)"]
        case .blockSplit: return ["Split block \(number)"]
        case .blockMerged: return ["Merge \(counted(change.parts.count, "entry", "entries")) into block \(number)", "Merge block \(number)"]
        case .declared: return ["Declare \(number) \(after?.numberStatus?.rawValue ?? "")".trimmedEnd, "Declare \(number)"]
        case .removed: return ["Remove \(number)"]
        case .changed: return ["Change \(number)"]
        }
    }

    /// `Change 5 numbers: 2 assigned, 3 reviewed`, one count per kind, kinds in their fixed order.
    static func countPhrase(_ changes: [NumberChange]) -> String {
        var counts: [NumberChangeKind: Int] = [:]
        for change in changes { counts[primaryKind(change), default: 0] += 1 }
        let parts = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.rawValue.replacingOccurrences(of: "-", with: " "))" }
        return "Change \(counted(changes.count, "number", "numbers")): \(parts.joined(separator: ", "))"
    }

    /// `add range cph-hq`, then `change 1 range, 2 routing entries`.
    static func definitionPhrases(_ diff: InventoryDiff) -> [String] {
        let total = diff.ranges.count + diff.routing.count
        guard total > 0 else { return [] }
        var counts: [String] = []
        if !diff.ranges.isEmpty { counts.append(counted(diff.ranges.count, "range", "ranges")) }
        if !diff.routing.isEmpty { counts.append(counted(diff.routing.count, "routing entry", "routing entries")) }
        let short = "change " + counts.joined(separator: ", ")
        if total == 1 {
            if let range = diff.ranges.first { return ["\(verb(range.kind)) range \(value(range.id))", short] }
            if let routing = diff.routing.first { return ["\(verb(routing.kind)) routing entry \(value(routing.id))", short] }
        }
        return [short]
    }

    /// A release of several numbers, all of one identity's, leaving them none: the identity, else
    /// nil. (One number alone reads as a release: its holder may just have moved desks.)
    static func offboardedIdentity(_ changes: [NumberChange], stillAssigned: Set<String>) -> String? {
        guard changes.count > 1, changes.allSatisfy({ primaryKind($0) == .released && $0.kinds.count == 1 }) else { return nil }
        let holders = Set(changes.compactMap { $0.before?.assignedTo?.lowercased() })
        guard holders.count == 1, let holder = holders.first, !stillAssigned.contains(holder),
              changes.allSatisfy({ $0.before?.assignedTo != nil }),
              let written = changes.first?.before?.assignedTo else { return nil }
        return value(written)
    }

    /// The kind that names a change: its first.
    static func primaryKind(_ change: NumberChange) -> NumberChangeKind { change.kinds.first ?? .changed }

    static func verb(_ kind: DefinitionChange.Kind) -> String {
        switch kind {
        case .added: "add"
        case .removed: "remove"
        case .changed: "change"
        }
    }

    static func counted(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }

    static func value(_ text: String) -> String { CommitMessageText.oneLine(text) }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

private extension String {
    var trimmedEnd: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
