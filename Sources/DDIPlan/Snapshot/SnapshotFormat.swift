/// The name of an export format (README "The snapshot"), as plans and messages write it (`teams-json`). Each
/// format declares its name beside its reader (`Formats/`); `SnapshotFormats.all` lists the readers.
public struct SnapshotFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// True for a registered format whose records are accounts (users, resource accounts).
    public var isDirectory: Bool { SnapshotFormats.reader(for: self)?.content == .directory }

    /// True for a registered format whose records are emergency locations.
    public var isLocations: Bool { SnapshotFormats.reader(for: self)?.content == .locations }

    /// True for a registered format whose records are numbers.
    public var isNumbers: Bool { SnapshotFormats.reader(for: self)?.content == .numbers }

    static let unknownContentMessage = """
        cannot tell what this export is: expected TelephoneNumber (Get-CsPhoneNumberAssignment, Graph \
        numberAssignments, Export-CsAcquiredPhoneNumber), UserPrincipalName (Get-CsOnlineUser, \
        Get-CsOnlineApplicationInstance) or LocationId with CountryOrRegion (Get-CsOnlineLisLocation)
        """
}
