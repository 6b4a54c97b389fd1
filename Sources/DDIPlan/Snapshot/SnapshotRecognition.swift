extension SnapshotLoader {
    /// The export format of a file's bytes, by the same content detection the loader uses, or nil
    /// when the bytes are not an export ddi reads (not JSON or CSV, or neither numbers nor accounts).
    /// `snapshot pull` asks this before it replaces a directory: it removes only files it recognises.
    public static func recognisedFormat(of bytes: [UInt8]) -> SnapshotFormat? {
        let text = TextDecoding.utf8WithoutBOM(bytes)
        guard let firstByte = text.first(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) else { return nil }
        if firstByte == UInt8(ascii: "[") || firstByte == UInt8(ascii: "{") {
            guard let export = try? JSONRecordReader.read(text) else { return nil }
            guard let first = export.records.first else {
                if export.isGraphPage { return .graphPage }
                // `[]` is the export of an empty list; an empty object is not an export.
                return export.isWrapper || firstByte == UInt8(ascii: "[") ? .empty : nil
            }
            guard let content = SnapshotFormat.content(of: first) else { return nil }
            return SnapshotFormat.format(content, csv: false, graphPage: export.isGraphPage)
        }
        guard let export = try? CSVRecordReader.read(text), let content = SnapshotFormat.content(of: export.columns) else { return nil }
        return SnapshotFormat.format(content, csv: true, graphPage: false)
    }
}
