import Foundation

extension SnapshotFormat {
    /// The file behind `Export-CsAcquiredPhoneNumber`'s download link: every number of the tenant,
    /// not 500 at a time. Columns (by `-Property`): TelephoneNumber, NumberType, AssignmentStatus,
    /// TargetId, AssignmentCategory, AcquiredCapabilities, ActivationState, LocationId, NumberSource,
    /// PortInOrderStatus, IsoCountryCode, OperatorId, AcquisitionDate, ...
    /// https://learn.microsoft.com/powershell/module/microsoftteams/export-csacquiredphonenumber
    public static let acquiredNumbersCSV = SnapshotFormat(rawValue: "acquired-numbers-csv")
}

/// Told from a `Get-CsPhoneNumberAssignment | Export-Csv` file by the columns only the acquired-number
/// export has; its rows are read like any numbers export.
struct AcquiredNumbersCSVFormat: SnapshotFormatReader {
    var format: SnapshotFormat { .acquiredNumbersCSV }
    var content: SnapshotContent { .numbers }

    func claims(_ export: SnapshotExport) -> Bool { export.describes == .numbers && Self.isAcquiredExport(export) }

    /// True for a CSV with a column only the acquired-number export has; `teams-csv` leaves it alone.
    static func isAcquiredExport(_ export: SnapshotExport) -> Bool {
        guard let csv = export.csv, let columns = csv.shape else { return false }
        return columns.has(.acquisitionDate) || hasAcquiredCapabilities(csv.header)
    }

    func read(_ export: SnapshotExport) -> SnapshotContribution {
        NumberRecordImporter.contribution(export, graph: false)
    }

    private static func hasAcquiredCapabilities(_ header: [String]) -> Bool {
        header.contains { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")).lowercased() == "acquiredcapabilities" }
    }

    var claimsByShape: Bool { true }
}
