/// A YAML scalar as written: its text, whether it was plain (unquoted), and where it starts.
public struct YAMLScalar: Sendable, Equatable {
    public var text: String
    public var isPlain: Bool
    public var location: SourceLocation

    /// A plain `~`, `null`, `Null`, `NULL` or empty scalar means "no value".
    public var isNull: Bool {
        isPlain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

public struct YAMLPair: Sendable, Equatable {
    public var key: YAMLNode
    public var value: YAMLNode
}

/// A parsed YAML node that keeps the source location of every value.
public enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], SourceLocation)
    case mapping([YAMLPair], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .sequence(_, let location), .mapping(_, let location): location
        }
    }

    /// A short noun for messages ("expected a list, found a mapping").
    public var typeName: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "nothing" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    public var isNull: Bool {
        if case .scalar(let scalar) = self { return scalar.isNull }
        return false
    }
}
