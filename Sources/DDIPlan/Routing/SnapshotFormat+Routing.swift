extension SnapshotFormat {
    /// True for a registered format whose records are auto attendants or call queues. `snapshot pull`
    /// keeps these files: Microsoft Graph has no routing API, so a pull cannot write them again.
    public var isRouting: Bool { SnapshotFormats.reader(for: self)?.content == .routing }
}
