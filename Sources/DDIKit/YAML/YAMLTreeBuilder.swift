/// Builds `YAMLNode` subtrees from an event reader, resolving anchors and aliases, with caps on the
/// nodes of the document and on how far aliases may expand (one builder serves one file).
struct YAMLTreeBuilder {
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var nodes = 0
    private var aliasNodes = 0
    var maximumNodes = YAMLParser.maximumNodes

    /// The node that `first` starts, reading the rest of it from `reader`. `depth` is the nesting
    /// level of the node.
    mutating func node(startingWith first: YAMLEvent, reader: YAMLEventReader, depth: Int) throws -> YAMLNode {
        try sizedNode(startingWith: first, reader: reader, depth: depth).node
    }

    /// Records a scalar that was read without the builder, so later aliases can refer to it.
    mutating func remember(_ scalar: YAMLScalar, anchor: String?) throws {
        try count(1, at: scalar.location)
        if let anchor { anchors[anchor] = (.scalar(scalar), 1) }
    }

    /// Counts `added` nodes read without the builder when they fit under the cap. False, counting
    /// nothing, when they would not: the caller then reads them through the builder, which refuses
    /// the file at the node that crosses the cap.
    mutating func countIfRoom(_ added: Int) -> Bool {
        guard added >= 0, nodes + added <= maximumNodes else { return false }
        nodes += added
        return true
    }

    private mutating func count(_ added: Int, at place: SourceLocation) throws {
        nodes += added
        if nodes > maximumNodes {
            throw YAMLSyntaxError(message: "the file has more than \(maximumNodes) YAML nodes: split it into several files", location: place)
        }
    }

    /// Checked before the alias's subtree is counted or used, so an expansion is refused at the alias.
    private mutating func countAlias(_ added: Int, at place: SourceLocation) throws {
        aliasNodes += added
        if aliasNodes > YAMLParser.maximumAliasNodes {
            throw YAMLSyntaxError(
                message: "aliases in this file expand to more than \(YAMLParser.maximumAliasNodes) nodes: inventory files need no aliases, write the values out",
                location: place
            )
        }
        try count(added, at: place)
    }

    private mutating func sizedNode(startingWith first: YAMLEvent, reader: YAMLEventReader, depth: Int) throws -> (node: YAMLNode, size: Int) {
        switch first {
        case .scalar(let scalar, let anchor):
            try remember(scalar, anchor: anchor)
            return (.scalar(scalar), 1)
        case .alias(let name, let place):
            guard let target = anchors[name] else {
                throw YAMLSyntaxError(message: "unknown alias *\(name)", location: place)
            }
            // Aliases count their whole subtree: that is what later passes will walk.
            try countAlias(target.size, at: place)
            return target
        case .sequenceStart(let place, let anchor):
            try checkDepth(depth, at: place)
            try count(1, at: place)
            var items: [YAMLNode] = []
            var size = 1
            while true {
                let event = try reader.next()
                if case .sequenceEnd = event { break }
                let item = try sizedNode(startingWith: event, reader: reader, depth: depth + 1)
                items.append(item.node)
                size += item.size
            }
            let node = YAMLNode.sequence(items, place)
            if let anchor { anchors[anchor] = (node, size) }
            return (node, size)
        case .mappingStart(let place, let anchor):
            try checkDepth(depth, at: place)
            try count(1, at: place)
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(12)
            var size = 1
            while true {
                let event = try reader.next()
                if case .mappingEnd = event { break }
                let key = try sizedNode(startingWith: event, reader: reader, depth: depth + 1)
                let value = try sizedNode(startingWith: try reader.next(), reader: reader, depth: depth + 1)
                pairs.append(YAMLPair(key: key.node, value: value.node))
                size += key.size + value.size
            }
            let node = YAMLNode.mapping(pairs, place)
            if let anchor { anchors[anchor] = (node, size) }
            return (node, size)
        case .streamStart, .streamEnd, .documentStart, .documentEnd, .sequenceEnd, .mappingEnd:
            throw YAMLSyntaxError(message: "YAML syntax error: unexpected end of a node", location: SourceLocation(file: reader.file, line: 1, column: 1))
        }
    }

    private func checkDepth(_ depth: Int, at place: SourceLocation) throws {
        if depth >= YAMLParser.maximumDepth {
            throw YAMLSyntaxError(message: "nesting deeper than \(YAMLParser.maximumDepth) levels", location: place)
        }
    }
}
