/// The registry of export formats: the only list of them. The loader and `snapshot pull`'s
/// recognition ask these in order, and the first that claims a file reads it.
enum SnapshotFormats {
    static let all: [any SnapshotFormatReader] = [
        GraphPageFormat(),
        TeamsJSONFormat(),
        AcquiredNumbersCSVFormat(),
        TeamsCSVFormat(),
        UsersJSONFormat(),
        UsersCSVFormat(),
        ApplicationInstancesJSONFormat(),
        ApplicationInstancesCSVFormat(),
        AutoAttendantsJSONFormat(),
        CallQueuesJSONFormat(),
        LisLocationsJSONFormat(),
        LisLocationsCSVFormat(),
        EmptyExportFormat(),
    ]

    static func reader(for format: SnapshotFormat, in formats: [any SnapshotFormatReader] = all) -> (any SnapshotFormatReader)? {
        formats.first { $0.format == format }
    }

    /// The first format that claims `export`, nil when none does.
    static func reader(claiming export: SnapshotExport, in formats: [any SnapshotFormatReader] = all) -> (any SnapshotFormatReader)? {
        formats.first { $0.claims(export) }
    }
}
