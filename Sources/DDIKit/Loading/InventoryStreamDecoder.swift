/// Decodes an inventory file straight from libyaml's events.
///
/// Number entries are by far the most numerous nodes (100,000 in the reference inventory), so their
/// keys and values are filed as they arrive instead of first building the mapping as a tree: building,
/// walking and releasing that tree was most of the load time. Everything else, and anything unusual
/// (anchored entries, entries that are not mappings), goes through the tree and the same decoder.
extension InventoryFileDecoder {
    mutating func decode(bytes: [UInt8], path: String, reader choice: YAMLReaderChoice = .fastWhenPossible) -> InventoryFile {
        guard !bytes.isEmpty else { return InventoryFile(path: path) }
        if let problem = YAMLParser.encodingProblem(bytes, file: path) {
            reader.report(problem.message, at: problem.location)
            return InventoryFile(path: path)
        }
        let events = YAMLEventReader(bytes: bytes, file: path, reader: choice)
        var builder = YAMLTreeBuilder()
        builder.maximumNodes = maximumNodes
        var file = InventoryFile(path: path)
        do {
            _ = try YAMLParser.readDocument(events) { first in
                try decodeRoot(first, events, &builder, into: &file, choice: choice)
            }
            return file
        } catch {
            // As with a whole-tree parse, a syntax error is the file's only diagnostic.
            reader = ShapeReader()
            let syntax = error as? YAMLSyntaxError
            reader.report(syntax?.message ?? "\(error)", at: syntax?.location ?? SourceLocation(file: path, line: 1, column: 1))
            return InventoryFile(path: path)
        }
    }

    private mutating func decodeRoot(_ first: YAMLEvent, _ events: YAMLEventReader, _ builder: inout YAMLTreeBuilder, into file: inout InventoryFile,
                                     choice: YAMLReaderChoice) throws {
        guard case .mappingStart(_, nil) = first else {
            file = decode(try builder.node(startingWith: first, reader: events, depth: 0), path: file.path)
            return
        }
        var seen: [String: SourceLocation] = [:]
        while true {
            let keyEvent = try events.next()
            if case .mappingEnd = keyEvent { return }
            let keyNode = try builder.node(startingWith: keyEvent, reader: events, depth: 1)
            let valueEvent = try events.next()
            guard case .scalar(let key) = keyNode, Self.topLevelKeys.contains(key.text), seen[key.text] == nil else {
                // Not a section (or a repeated one): let the shared checks report it.
                var fields = ShapeReader.Fields(allowed: Self.topLevelKeys)
                if case .scalar(let key) = keyNode, let first = seen[key.text] { fields.slots[Self.topLevelKeys.firstIndex(of: key.text) ?? 0].keyLocation = first }
                reader.place(key: keyNode, value: try builder.node(startingWith: valueEvent, reader: events, depth: 1), in: &fields, context: "an inventory file")
                continue
            }
            seen[key.text] = key.location
            if key.text == "numbers", case .sequenceStart(_, nil) = valueEvent {
                try streamNumbers(events, &builder, into: &file, shortcut: choice != .fastWithoutEntryShortcut)
                continue
            }
            let value = try builder.node(startingWith: valueEvent, reader: events, depth: 1)
            guard !value.isNull else { continue }
            switch key.text {
            case "ranges":
                file.ranges += items(value, key: "ranges").compactMap { decodeRange($0) }
                file.unusableRanges += unusableRanges
                unusableRanges = []
            case "routing": file.routing += items(value, key: "routing").compactMap { decodeRouting($0) }
            default: file.numbers += items(value, key: "numbers").compactMap { decodeNumber($0) }
            }
        }
    }

    private mutating func streamNumbers(_ events: YAMLEventReader, _ builder: inout YAMLTreeBuilder, into file: inout InventoryFile, shortcut: Bool) throws {
        while true {
            let itemEvent = try events.next()
            if case .sequenceEnd = itemEvent { return }
            guard case .mappingStart(let start, nil) = itemEvent else {
                if let entry = decodeNumber(try builder.node(startingWith: itemEvent, reader: events, depth: 2)) { file.numbers.append(entry) }
                continue
            }
            if shortcut, let entry = scannedNumberEntry(events, &builder, start: start) {
                file.numbers.append(entry)
                continue
            }
            var fields = ShapeReader.Fields(allowed: Self.numberKeys)
            reader.misspeltKeys = []
            while true {
                let keyEvent = try events.next()
                if case .mappingEnd = keyEvent { break }
                if case .scalar(let key, nil) = keyEvent {
                    // The usual shape, scalar keys and values, builds no node for the key: the same
                    // counting and checks as the builder, without its copies.
                    try builder.remember(key, anchor: nil)
                    let valueEvent = try events.next()
                    let value: YAMLNode
                    if case .scalar(let scalar, nil) = valueEvent {
                        try builder.remember(scalar, anchor: nil)
                        value = .scalar(scalar)
                    } else {
                        value = try builder.node(startingWith: valueEvent, reader: events, depth: 3)
                    }
                    reader.place(scalarKey: key, value: value, in: &fields, context: "a number entry")
                    continue
                }
                let key = try builder.node(startingWith: keyEvent, reader: events, depth: 3)
                let value = try builder.node(startingWith: try events.next(), reader: events, depth: 3)
                reader.place(key: key, value: value, in: &fields, context: "a number entry")
            }
            if let entry = decodeNumber(consume fields, misspelt: reader.misspeltKeys, at: start) { file.numbers.append(entry) }
        }
    }
}
