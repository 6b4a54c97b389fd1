/// The export formats of DESIGN 4, told apart by content (never by file name).
public enum SnapshotFormat: String, Sendable, Codable, CaseIterable {
    /// `Get-CsPhoneNumberAssignment | ConvertTo-Json -EnumsAsStrings`
    case teamsJSON = "teams-json"
    /// `Get-CsPhoneNumberAssignment | Export-Csv`
    case teamsCSV = "teams-csv"
    /// Microsoft Graph `GET /admin/teams/telephoneNumberManagement/numberAssignments`, one page per file
    case graphPage = "graph-page"
    /// `Get-CsOnlineUser | ConvertTo-Json` (or a Graph `users` page)
    case usersJSON = "users-json"
    case usersCSV = "users-csv"
    /// `Get-CsOnlineApplicationInstance | ConvertTo-Json`
    case applicationInstancesJSON = "application-instances-json"
    case applicationInstancesCSV = "application-instances-csv"
    /// An export with no records at all (`[]`): it adds nothing.
    case empty

    public var isDirectory: Bool {
        switch self {
        case .usersJSON, .usersCSV, .applicationInstancesJSON, .applicationInstancesCSV: true
        default: false
        }
    }

    public var isNumbers: Bool { self == .teamsJSON || self == .teamsCSV || self == .graphPage }

    enum Content { case numbers, users, applicationInstances }

    /// What a set of fields describes: numbers by `TelephoneNumber`; a resource account by
    /// `ApplicationId` or `PhoneNumber` next to `UserPrincipalName`; any other account by `UserPrincipalName`.
    static func content(of record: SnapshotRecord) -> Content? {
        if record.has(.telephoneNumber) { return .numbers }
        guard record.has(.upn) else { return nil }
        if !record.has(.lineURI), record.has(.applicationID) || record.has(.phoneNumber) { return .applicationInstances }
        return .users
    }

    static func format(_ content: Content, csv: Bool, graphPage: Bool) -> SnapshotFormat {
        switch (content, csv) {
        case (.numbers, true): .teamsCSV
        case (.numbers, false): graphPage ? .graphPage : .teamsJSON
        case (.users, true): .usersCSV
        case (.users, false): .usersJSON
        case (.applicationInstances, true): .applicationInstancesCSV
        case (.applicationInstances, false): .applicationInstancesJSON
        }
    }

    static let unknownContentMessage = """
        cannot tell what this export is: expected TelephoneNumber (Get-CsPhoneNumberAssignment, Graph \
        numberAssignments) or UserPrincipalName (Get-CsOnlineUser, Get-CsOnlineApplicationInstance)
        """
}
