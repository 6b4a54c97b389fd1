/// Reads the number entries of one inventory file (or of a well-formed part of one) from bytes.
public enum DeclaredEntries {
    /// The `numbers:` entries of `bytes`, or nil when the text is not well-formed YAML. Entries with
    /// problems are read as far as the loader reads them, exactly as `InventoryLoader` would.
    public static func parse(_ bytes: [UInt8], path: String, lineOffset: Int = 0) -> [DeclaredEntry]? {
        guard case .success(let root) = YAMLParser.parse(bytes, file: path) else { return nil }
        var decoder = InventoryFileDecoder()
        let file = decoder.decode(root, path: path)
        return file.numbers.map { DeclaredEntry($0, path: path, lineOffset: lineOffset) }
    }
}
