/// One snapshot file as the formats see it: its text, decoded once as JSON or CSV for every
/// format to look at. A format with another syntax reads `text` itself.
struct SnapshotExport: Sendable {
    /// The name messages use.
    var path: String
    /// UTF-8 without a byte order mark (`TextDecoding`).
    var text: [UInt8]
    /// The text read as JSON (when it starts with `[` or `{`) or else as CSV, or why it could not be.
    var decoded: Result<DecodedExport, DecodingFailure>

    init(path: String, bytes: [UInt8]) {
        self.path = path
        text = TextDecoding.utf8WithoutBOM(bytes)
        decoded = Self.decode(text)
    }

    /// What a top-level JSON array starting with `first` looks like to `claims` before the rest of
    /// it is read: only formats that claim by shape may be asked (its text is not kept).
    init(path: String, firstRecordOfArray first: SnapshotRecord) {
        self.path = path
        text = []
        decoded = .success(DecodedExport(syntax: .json, records: [first], shape: first))
    }

    /// The decoded JSON export, nil for CSV or a file that is not valid JSON.
    var json: DecodedExport? {
        guard case .success(let export) = decoded, export.syntax == .json else { return nil }
        return export
    }

    /// The decoded CSV export, nil for JSON or a file that is not valid CSV.
    var csv: DecodedExport? {
        guard case .success(let export) = decoded, export.syntax == .csv else { return nil }
        return export
    }

    /// What the decoded export's fields describe, nil when it has none ddi knows (or no records).
    var describes: RecordContent? {
        guard case .success(let export) = decoded, let shape = export.shape else { return nil }
        return RecordContent(of: shape)
    }

    var isBlank: Bool { !text.contains { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 } }

    private static func decode(_ text: [UInt8]) -> Result<DecodedExport, DecodingFailure> {
        let firstByte = text.first { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
        if firstByte == UInt8(ascii: "[") || firstByte == UInt8(ascii: "{") {
            do {
                let export = try JSONRecordReader.read(text)
                return .success(DecodedExport(syntax: .json, records: export.records, shape: export.records.first,
                                              isGraphPage: export.isGraphPage, nextLink: export.nextLink))
            } catch {
                return .failure(DecodingFailure(line: error.line, message: "not valid JSON: \(error.message)"))
            }
        }
        do {
            let export = try CSVRecordReader.read(text)
            return .success(DecodedExport(syntax: .csv, records: export.records, shape: export.columns, header: export.header))
        } catch {
            return .failure(DecodingFailure(message: error.message))
        }
    }
}

/// Records read from a JSON or CSV export.
struct DecodedExport: Sendable {
    enum Syntax: Sendable { case json, csv }

    var syntax: Syntax
    var records: [SnapshotRecord]
    /// A record with the fields the export has: the first record of JSON, every header column of CSV
    /// (so that a CSV tells what it holds even without rows). Nil for JSON without records.
    var shape: SnapshotRecord?
    /// `{"value": [...], "@odata.…": …}`: a Microsoft Graph page.
    var isGraphPage = false
    var nextLink: String?
    /// CSV header names as written (empty for JSON).
    var header: [String] = []
}

/// Why a file is neither valid JSON nor valid CSV.
struct DecodingFailure: Error, Sendable {
    var line: Int?
    var message: String
}

/// What a record's fields describe: numbers by `TelephoneNumber`; a resource account by
/// `ApplicationId` or `PhoneNumber` next to `UserPrincipalName`; any other account by
/// `UserPrincipalName`; an emergency location by `LocationId` with `CountryOrRegion` or `CivicAddressId`.
enum RecordContent: Sendable {
    case numbers, users, applicationInstances, locations

    init?(of record: SnapshotRecord) {
        if record.has(.telephoneNumber) { self = .numbers; return }
        if !record.has(.upn), record.has(.locationID), record.has(.countryOrRegion) || record.has(.civicAddressID) {
            self = .locations
            return
        }
        guard record.has(.upn) else { return nil }
        if !record.has(.lineURI), record.has(.applicationID) || record.has(.phoneNumber) { self = .applicationInstances; return }
        self = .users
    }
}
