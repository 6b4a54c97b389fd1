import CYAML

/// The parser's complaint about a document that is not well-formed YAML.
public struct YAMLSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation
}

/// Builds a `YAMLNode` tree from libyaml's event stream.
///
/// The event parser is used directly, not a YAML decoding library, because it is several times faster
/// (README "Performance") and it gives the line and column of every node, which diagnostics must carry.
public enum YAMLParser {
    /// Deeper documents are rejected: inventory files nest at most four levels, and a tree
    /// thousands of levels deep would exhaust the stack when it is released.
    public static let maximumDepth = 64
    /// Nodes per document, alias expansions included. Without aliases a node takes at least two bytes
    /// of the file, so this only bounds huge files. Measured on the reference inventory (Benchmarks/
    /// generate_reference.py): its largest file has 51,838 nodes (678 KB) and all 51 files together
    /// 2,031,810, so even the whole reference inventory in one file fits; a 100,000-entry file with
    /// every key written has under 3,700,000 (37 per entry).
    public static let maximumNodes = 5_000_000
    /// Nodes that aliases may add per document. Inventory files need no aliases: neither the reference
    /// inventory nor the examples use one. So the budget is tight: a "billion laughs" document of a few
    /// hundred bytes, or 694 KB expanding to a million entries, stops at the first alias past it.
    public static let maximumAliasNodes = 10_000

    public static func parse(_ bytes: [UInt8], file: String) -> Result<YAMLNode?, YAMLSyntaxError> {
        parse(bytes, file: file, reader: .fastWhenPossible)
    }

    static func parse(_ bytes: [UInt8], file: String, reader choice: YAMLReaderChoice) -> Result<YAMLNode?, YAMLSyntaxError> {
        if bytes.isEmpty { return .success(nil) }
        if let problem = encodingProblem(bytes, file: file) { return .failure(problem) }
        let reader = YAMLEventReader(bytes: bytes, file: file, reader: choice)
        var builder = YAMLTreeBuilder()
        do {
            return .success(try readDocument(reader) { first in try builder.node(startingWith: first, reader: reader, depth: 0) })
        } catch let error as YAMLSyntaxError {
            return .failure(error)
        } catch {
            return .failure(YAMLSyntaxError(message: "\(error)", location: SourceLocation(file: file, line: 1, column: 1)))
        }
    }

    /// libyaml would quietly decode UTF-16 (with a byte order mark) and misread it without one; ddi
    /// reads UTF-8 only, so that the bytes reviewed in a pull request are the bytes parsed.
    public static func encodingProblem(_ bytes: [UInt8], file: String) -> YAMLSyntaxError? {
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(4).contains(0)
        guard isUTF16 else { return nil }
        return YAMLSyntaxError(
            message: "inventory files must be UTF-8: this file is UTF-16 (or holds NUL bytes); save it as UTF-8",
            location: SourceLocation(file: file, line: 1, column: 1)
        )
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
