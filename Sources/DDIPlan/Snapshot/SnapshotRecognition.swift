extension SnapshotLoader {
    /// The export format of a file's bytes, by the same registry the loader reads with, or nil when
    /// no format claims them (not JSON or CSV, or neither numbers nor accounts).
    /// `snapshot pull` asks this before it replaces a directory: it removes only files it recognises.
    public static func recognisedFormat(of bytes: [UInt8]) -> SnapshotFormat? {
        recognisedFormat(of: bytes, formats: SnapshotFormats.all)
    }

    static func recognisedFormat(of bytes: [UInt8], formats: [any SnapshotFormatReader]) -> SnapshotFormat? {
        let export = SnapshotExport(path: "", bytes: bytes)
        guard !export.isBlank else { return nil }
        return SnapshotFormats.reader(claiming: export, in: formats)?.format
    }
}
