/// Turns the YAML tree of one inventory file into ranges, numbers and routing entries.
struct InventoryFileDecoder {
    static let topLevelKeys = ["ranges", "numbers", "routing"]
    static let rangeKeys = ["id", "block", "source", "country", "carrier", "site", "location_id", "cost", "note"]
    static let costKeys = ["per_number_month", "currency"]
    /// The keys of a number entry, in slot order.
    enum NumberKey: Int, CaseIterable {
        case number, block, status, kind, assignedTo, owner, department, routing, category
        case locationID, license, tags, reviewed, since, until, reason, handover, note

        var name: String {
            switch self {
            case .assignedTo: "assigned_to"
            case .locationID: "location_id"
            default: "\(self)"
            }
        }
    }

    static let numberKeys = NumberKey.allCases.map(\.name)
    static let routingKeys = [
        "id", "type", "resource_account", "business_hours", "after_hours", "holidays", "agents",
        "overflow", "timeout", "no_agents", "owner", "department", "note",
    ]
    static let routingLinkKeys = ["business_hours", "after_hours", "holidays", "overflow", "timeout", "no_agents"]
    /// Teams: "Each phone number can have up to 50 tags assigned" and "Tags can be up to 50 characters
    /// long" (https://learn.microsoft.com/en-us/powershell/module/microsoftteams/Set-CsPhoneNumberTag).
    static let maximumTags = 50
    static let maximumTagLength = 50

    var reader = ShapeReader()
    /// Filled by `decodeRange`, moved into the file by whoever decodes the file's ranges.
    var unusableRanges: [UnusableRange] = []
    /// The tree builder's cap on the nodes of a file (smaller in tests).
    var maximumNodes = YAMLParser.maximumNodes
    /// Number entries taken by `scannedNumberEntry`'s shortcut (the tests check that it is taken).
    var shortcutEntries = 0

    mutating func decode(_ root: YAMLNode?, path: String) -> InventoryFile {
        var file = InventoryFile(path: path)
        guard let root else { return file }
        guard let sections = reader.fields(of: root, allowed: Self.topLevelKeys, context: "an inventory file") else { return file }
        file.ranges = items(sections["ranges"], key: "ranges").compactMap { decodeRange($0) }
        file.unusableRanges = unusableRanges
        unusableRanges = []
        file.numbers = items(sections["numbers"], key: "numbers").compactMap { decodeNumber($0) }
        file.routing = items(sections["routing"], key: "routing").compactMap { decodeRouting($0) }
        return file
    }

    mutating func items(_ node: YAMLNode?, key: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard case .sequence(let items, _) = node else {
            reader.report("'\(key)' must be a list, found \(node.typeName)", at: node.location)
            return []
        }
        return items
    }

    mutating func decodeRange(_ node: YAMLNode) -> NumberRange? {
        guard let fields = reader.fields(of: node, allowed: Self.rangeKeys, context: "a range") else { return nil }
        let start = node.location
        guard let id = reader.identifier(fields["id"], key: "id", context: "a range", at: start) else {
            // The id's error is reported; the block still tells which numbers it leaves outside every range.
            if case .scalar(let block)? = fields["block"], case .success(let span) = NumberSpan.parseBlock(Substring(block.text)) {
                unusableRanges.append(UnusableRange(span: span, location: start))
            }
            return nil
        }
        var range = NumberRange(id: id, location: start)
        if let block = reader.text(fields["block"], key: "block") {
            range.blockText = block
            switch NumberSpan.parseBlock(Substring(block.value)) {
            case .success(let span): range.span = Located(span, at: block.location)
            case .failure(let error): range.shapeProblem = error.message
            }
        } else if fields["block"] == nil {
            reader.report("range \(id.value) is missing required key 'block'", at: start)
        }
        range.source = reader.choice(fields["source"], key: "source", as: NumberSource.self)
        if fields["source"] == nil { reader.report("range \(id.value) is missing required key 'source'", at: start) }
        if let country = reader.text(fields["country"], key: "country") {
            let code = country.value
            if code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) {
                range.country = country
            } else {
                reader.report("'country' must be an ISO 3166 two-letter code in capitals (DK, SE), found '\(code)'", at: country.location)
            }
        } else if fields["country"] == nil {
            reader.report("range \(id.value) is missing required key 'country'", at: start)
        }
        range.carrier = reader.text(fields["carrier"], key: "carrier")?.value
        range.site = reader.text(fields["site"], key: "site")?.value
        range.locationID = reader.text(fields["location_id"], key: "location_id")?.value
        range.note = reader.text(fields["note"], key: "note")?.value
        if let costNode = fields["cost"], let cost = reader.fields(of: costNode, allowed: Self.costKeys, context: "cost") {
            let amount = reader.decimal(cost["per_number_month"], key: "per_number_month", range: 0...1_000_000)
            let currency = reader.text(cost["currency"], key: "currency")
            if let currency, !(currency.value.utf8.count == 3 && currency.value.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 })) {
                reader.report("'currency' must be an ISO 4217 code such as EUR, found '\(currency.value)'", at: currency.location)
            } else if let amount, let currency {
                range.cost = RangeCost(perNumberMonth: amount.value, currency: currency.value)
            } else if cost["per_number_month"] == nil || cost["currency"] == nil {
                reader.report("cost needs both 'per_number_month' and 'currency'", at: costNode.location)
            }
        }
        return range
    }

    mutating func decodeNumber(_ node: YAMLNode) -> NumberEntry? {
        guard let fields = reader.fields(of: node, allowed: Self.numberKeys, context: "a number entry") else { return nil }
        return decodeNumber(consume fields, misspelt: reader.misspeltKeys, at: node.location)
    }

    mutating func decodeNumber(_ fields: consuming ShapeReader.Fields, misspelt: Set<String>, at start: SourceLocation) -> NumberEntry? {
        var slots: [ShapeReader.Fields.Slot] = []
        // With the caller's fields consumed, the slots are this function's own: taking values copies nothing.
        swap(&slots, &fields.slots)
        var written = KeySet(count: slots.count) { slots[$0].value != nil }
        // Slots are read by position: numberKeys is built from NumberKey, so the order always matches.
        // Each value is moved out of its slot and read once: copying the nodes out and releasing them
        // again was a tenth of loading time (README "Performance").
        func value(_ key: NumberKey) -> YAMLNode? { slots[key.rawValue].value.take() }
        let numberNode = value(.number)
        let blockNode = value(.block)
        let numberText = reader.text(numberNode, key: "number")
        let blockText = reader.text(blockNode, key: "block")
        var entry: NumberEntryFields
        switch (numberText, blockText) {
        case (let number?, nil):
            entry = NumberEntryFields(parsing: number, isBlock: false, location: start)
        case (nil, let block?):
            entry = NumberEntryFields(parsing: block, isBlock: true, location: start)
        case (.some, .some(let block)):
            reader.report("a number entry has both 'number' and 'block': use one", at: block.location)
            return nil
        case (nil, nil):
            if numberNode == nil && blockNode == nil {
                reader.report("a number entry needs 'number' or 'block'", at: start)
            }
            return nil
        }
        for key in misspelt { written.insert(key) }
        entry.writtenKeys = written
        let statusNode = value(.status)
        entry.status = reader.choice(statusNode, key: "status", as: NumberStatus.self)
        if statusNode == nil && !misspelt.contains("status") { reader.report("\(entry.text.value) is missing required key 'status'", at: start) }
        if entry.isBlock, let status = entry.status, status.value == .assigned {
            reader.report("block \(entry.text.value) cannot be 'assigned': declare each assigned number on its own", at: status.location)
        }
        entry.kind = reader.choice(value(.kind), key: "kind", as: NumberKind.self)
        let assignedTo = reader.text(value(.assignedTo), key: "assigned_to")
        entry.assignedTo = entry.kind?.value == .sharedCalling
            ? reader.requirePolicyTarget(assignedTo, key: "assigned_to") : reader.requireUPN(assignedTo, key: "assigned_to")
        entry.owner = reader.text(value(.owner), key: "owner")
        entry.department = reader.text(value(.department), key: "department")?.value
        entry.routing = reader.text(value(.routing), key: "routing")
        entry.category = reader.choice(value(.category), key: "category", as: AssignmentCategory.self)
        entry.locationID = reader.text(value(.locationID), key: "location_id")?.value
        entry.license = reader.text(value(.license), key: "license")?.value
        if let tags = value(.tags) { entry.tags = decodeTags(tags) }
        entry.reviewed = reader.day(value(.reviewed), key: "reviewed")
        entry.since = reader.day(value(.since), key: "since")
        entry.until = reader.day(value(.until), key: "until")
        entry.reason = reader.text(value(.reason), key: "reason")
        entry.handover = reader.boolean(value(.handover), key: "handover")?.value ?? false
        entry.note = reader.text(value(.note), key: "note")?.value
        return NumberEntry(fields: entry)
    }

    /// The tags of a number, within what Teams accepts: too many is one error on the list, and the
    /// list is then not used at all (nothing to plan from a list Teams would refuse).
    mutating func decodeTags(_ node: YAMLNode) -> [String] {
        if case .sequence(let items, let place) = node, items.count > Self.maximumTags {
            reader.report("'tags' has \(items.count) tags: Teams allows at most \(Self.maximumTags) per number", at: place)
            return []
        }
        return reader.textList(node, key: "tags").compactMap { tag in
            guard tag.value.count <= Self.maximumTagLength else {
                reader.report("tag '\(tag.value.prefix(Self.maximumTagLength))...' is longer than \(Self.maximumTagLength) characters, the most Teams accepts", at: tag.location)
                return nil
            }
            return tag.value
        }
    }

    mutating func decodeRouting(_ node: YAMLNode) -> RoutingEntry? {
        guard let fields = reader.fields(of: node, allowed: Self.routingKeys, context: "a routing entry") else { return nil }
        let start = node.location
        guard let id = reader.identifier(fields["id"], key: "id", context: "a routing entry", at: start) else { return nil }
        let type = reader.choice(fields["type"], key: "type", as: RoutingType.self)
        if fields["type"] == nil { reader.report("routing \(id.value) is missing required key 'type'", at: start) }
        let account = reader.requireUPN(reader.text(fields["resource_account"], key: "resource_account"), key: "resource_account")
        if fields["resource_account"] == nil { reader.report("routing \(id.value) is missing required key 'resource_account'", at: start) }
        var links: [RoutingLink] = []
        for key in Self.routingLinkKeys {
            guard let target = reader.text(fields[key], key: key) else { continue }
            if case .invalid = RoutingTarget(text: target.value) {
                reader.report("'\(key)' target '\(target.value)' is not a routing id, a UPN, voicemail:UPN or external:+E164", at: target.location)
                continue
            }
            links.append(RoutingLink(field: key, text: target))
        }
        let agents = reader.textList(fields["agents"], key: "agents").compactMap { reader.requireUPN($0, key: "agents") }
        return RoutingEntry(
            id: id, type: type, resourceAccount: account, links: links, agents: agents,
            owner: reader.text(fields["owner"], key: "owner")?.value,
            department: reader.text(fields["department"], key: "department")?.value,
            note: reader.text(fields["note"], key: "note")?.value,
            location: start
        )
    }
}
