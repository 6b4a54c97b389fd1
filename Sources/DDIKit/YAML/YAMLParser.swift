import CYAML

/// The parser's complaint about a document that is not well-formed YAML.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation
}

/// Builds a `YAMLNode` tree from libyaml's event stream.
///
/// The event parser is used directly, not a YAML decoding library, because it is several times faster
/// (DESIGN 10) and it gives the line and column of every node, which diagnostics must carry.
public enum YAMLParser {
    /// Deeper documents are rejected: inventory files nest at most four levels, and a tree
    /// thousands of levels deep would exhaust the stack when it is released.
    public static let maximumDepth = 64
    /// Caps alias expansion so that a "billion laughs" document cannot make later passes explode.
    public static let maximumExpandedNodes = 20_000_000

    public static func parse(_ bytes: [UInt8], file: String) -> Result<YAMLNode?, YAMLSyntaxError> {
        if bytes.isEmpty { return .success(nil) }
        let reader = YAMLEventReader(bytes: bytes, file: file)
        var builder = YAMLTreeBuilder()
        do {
            return .success(try readDocument(reader) { first in try builder.node(startingWith: first, reader: reader, depth: 0) })
        } catch let error as YAMLSyntaxError {
            return .failure(error)
        } catch {
            return .failure(YAMLSyntaxError(message: "\(error)", location: SourceLocation(file: file, line: 1, column: 1)))
        }
    }

    /// Reads the stream around one document, handing the document's root event to `readRoot`.
    /// Returns nil for a stream without a document (empty or comments only); refuses a second document.
    static func readDocument<Root>(_ reader: YAMLEventReader, _ readRoot: (YAMLEvent) throws -> Root) throws -> Root? {
        var root: Root?
        var documents = 0
        while true {
            let event = try reader.next()
            switch event {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return root
            case .documentStart(let place):
                documents += 1
                if documents > 1 {
                    throw YAMLSyntaxError(message: "only one YAML document per file is allowed", location: place)
                }
            default:
                root = try readRoot(event)
            }
        }
    }
}
