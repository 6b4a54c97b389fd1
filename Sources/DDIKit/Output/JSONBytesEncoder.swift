import Foundation

/// Foundation's `JSONEncoder` output, byte for byte, written straight into bytes: the configuration
/// every ddi JSON output uses (`.prettyPrinted`, `.sortedKeys`, `.withoutEscapingSlashes`, the
/// default strategies), or its compact / slash-escaping variants.
///
/// Why its own encoder: `JSONEncoder` builds a tree of `String`s and dictionaries and sorts every
/// object's keys through them; for the tens of megabytes a large report or plan prints that was
/// about a third of the command. This one renders every scalar (escaped, quoted) into one byte
/// arena as it is encoded, keeps objects as key lists, and copies the arena into the output in one
/// pass. What stays the same, checked by `JSONBytesEncoderDifferentialTests` against `JSONEncoder`
/// itself:
/// - keys sorted by their UTF-8 bytes (Foundation on Linux); a key set twice keeps its last value;
/// - `"key" : value`, two spaces per level, an empty array or object as `[\n\n<indent>]`;
/// - `"`, `\`, and control characters escaped (`\b \f \n \r \t`, else `\u00XX` in lower case hex),
///   `/` only with `escapesSlashes`, everything else (DEL, non-ASCII) as its UTF-8 bytes;
/// - integers as `description`; `Double`/`Float` as `description` without a trailing `.0`; NaN and
///   infinities refused with the same `EncodingError`;
/// - `Date` (seconds since 2001 as a number), `Data` (Base64), `URL` (`absoluteString`), `Decimal`
///   (its `description`) as `JSONEncoder`'s default strategies write them;
/// - a value that encodes nothing is `{}` (refused at the top level), nesting beyond 512 refused.
public struct JSONBytesEncoder: Sendable {
    public var prettyPrinted: Bool
    public var escapesSlashes: Bool

    /// The defaults are ddi's configuration: `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`.
    public init(prettyPrinted: Bool = true, escapesSlashes: Bool = false) {
        self.prettyPrinted = prettyPrinted
        self.escapesSlashes = escapesSlashes
    }

    /// The JSON text of `value`, without a final newline (as `JSONEncoder.encode`).
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let arena = JSONBytesArena(escapesSlashes: escapesSlashes)
        let encoder = JSONBytesValueEncoder(arena: arena, parent: nil, key: nil)
        guard let root = try encoder.wrap(value) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
        }
        var writer = JSONBytesWriter(arena: arena.bytes, prettyPrinted: prettyPrinted, escapesSlashes: escapesSlashes)
        guard writer.write(root) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode the given top-level value to JSON."))
        }
        return writer.output
    }
}
