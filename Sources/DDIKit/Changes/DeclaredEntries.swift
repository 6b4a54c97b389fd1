/// Reads the number entries of one inventory file (or of a well-formed part of one) from bytes.
public enum DeclaredEntries {
    /// The `numbers:` entries of `bytes`, or nil when the text is not well-formed YAML. Entries with
    /// problems are read as far as the loader reads them, exactly as `InventoryLoader` would.
    ///
    /// Decoded from the event stream as the loader decodes (`InventoryFileDecoder.decode(bytes:)`),
    /// which files number entries as they arrive instead of building the whole file as a tree first;
    /// `parseTree` is the former way, kept as the reference the tests compare with.
    public static func parse(_ bytes: [UInt8], path: String, lineOffset: Int = 0) -> [DeclaredEntry]? {
        var decoder = InventoryFileDecoder()
        let file = decoder.decode(bytes: bytes, path: path)
        if file.numbers.isEmpty {
            // Empty both for a file without entries and for one that is not well-formed: tell them apart.
            return parseTree(bytes, path: path, lineOffset: lineOffset)
        }
        return file.numbers.map { DeclaredEntry($0, path: path, lineOffset: lineOffset) }
    }

    /// The same through the whole-file tree (`YAMLParser.parse`, then the tree decoder).
    static func parseTree(_ bytes: [UInt8], path: String, lineOffset: Int = 0) -> [DeclaredEntry]? {
        guard case .success(let root) = YAMLParser.parse(bytes, file: path) else { return nil }
        var decoder = InventoryFileDecoder()
        let file = decoder.decode(root, path: path)
        return file.numbers.map { DeclaredEntry($0, path: path, lineOffset: lineOffset) }
    }
}
