/// Turns `Get-CsOnlineUser`, `Get-CsOnlineApplicationInstance` and Graph `/users` records (JSON or
/// CSV) into accounts: object ids become UPNs, and the identity's type, sign-in state, usage location,
/// licences, Enterprise Voice and voice routing policy are read where the export has them. Which of
/// these the record carried goes to `reported`, so a missing column means "not checked", never a guess.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlineuser
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlineapplicationinstance
enum DirectoryRecordImporter {
    /// What a users or application instances export adds to the snapshot.
    static func contribution(_ export: SnapshotExport, resourceAccounts: Bool) -> SnapshotContribution {
        guard case .success(let decoded) = export.decoded else { return SnapshotContribution() }
        let result = importRecords(decoded.records, file: export.path, resourceAccounts: resourceAccounts, graph: decoded.isGraphPage)
        return SnapshotContribution(accounts: result.accounts, problems: result.problems)
    }

    static func importRecords(_ records: [SnapshotRecord], file: String, resourceAccounts: Bool, graph: Bool) -> (accounts: [DirectoryAccount], problems: [SnapshotProblem]) {
        var sink = Sink(file: file, resourceAccounts: resourceAccounts, graph: graph)
        for record in records { sink.add(record) }
        return (sink.accounts, sink.problems)
    }

    /// Takes the records of one export one at a time (`JSONRecordReader.nextRecord` streams them).
    struct Sink: SnapshotRecordSink {
        let file: String
        let resourceAccounts: Bool
        let graph: Bool
        var accounts: [DirectoryAccount] = []
        var problems: [SnapshotProblem] = []
        private var reportedSets = ReportedSets()

        init(file: String, resourceAccounts: Bool, graph: Bool) {
            self.file = file
            self.resourceAccounts = resourceAccounts
            self.graph = graph
        }

        mutating func reserve(records: Int) { accounts.reserveCapacity(records) }

        var contribution: SnapshotContribution { SnapshotContribution(accounts: accounts, problems: problems) }

        mutating func add(_ record: SnapshotRecord) {
            var reader = FieldReader(file: file, record: record, graph: graph)
            let upn = reader.text(.upn, required: true)
            reader.number = upn
            if let upn, !DirectoryRecordImporter.containsAt(upn) { reader.report(.upn, "'\(upn)' is not a user principal name (no @)") }
            // Newer MicrosoftTeams modules write the object id as `Identity`, older ones as `ObjectId`.
            let objectID = (reader.text(.objectID) ?? reader.text(.identity))?.asciiFolded
            if objectID == nil, record.isAbsent(.objectID), record.isAbsent(.identity) {
                reader.report(record.has(.identity) ? .identity : .objectID, "missing")
            }
            let enabled = reader.boolean(.accountEnabled)
            let accountType = reader.text(.accountType)
            let lineField: Field = resourceAccounts ? .phoneNumber : .lineURI
            let line = reader.phoneNumber(lineField, required: false)
            let application = reader.text(.applicationID)?.asciiFolded
            let usageLocation = reader.text(.usageLocation)?.uppercased()
            let plans = reader.servicePlans()
            let voice = reader.boolean(.enterpriseVoiceEnabled)
            let policy = reader.policyName(.voiceRoutingPolicy)
            problems += reader.problems
            guard reader.problems.isEmpty, let upn, let objectID else { return }
            // `Get-CsOnlineUser -AccountType` documents ResourceAccount for app endpoints / resource accounts.
            let isResource = resourceAccounts || accountType?.lowercased() == "resourceaccount"
            accounts.append(DirectoryAccount(
                objectID: objectID, upn: upn, kind: isResource ? .resourceAccount : .user, enabled: enabled,
                accountType: accountType, lineURI: line?.description, applicationID: application,
                usageLocation: usageLocation, servicePlans: plans, enterpriseVoiceEnabled: voice,
                voiceRoutingPolicy: policy, reported: reported(record, servicePlans: plans, in: &reportedSets),
                origin: RecordOrigin(file: file, record: record.index)
            ))
        }
    }

    /// Whether a UPN has an `@`, as Foundation's `contains` tells (it took a tenth of reading a
    /// users export): an ASCII UPN is searched byte by byte, which is the same answer.
    static func containsAt(_ upn: String) -> Bool {
        if upn.utf8.allSatisfy({ $0 < 128 }) { return upn.utf8.contains(UInt8(ascii: "@")) }
        return upn.contains("@")
    }

    /// The optional properties the record carried (a key or column present, even empty: an empty
    /// `OnlineVoiceRoutingPolicy` says the account has no policy of its own).
    ///
    /// Every record of an export usually carries the same ones: the set is built once per
    /// combination (`ReportedSets`), not once per account.
    private static func reported(_ record: SnapshotRecord, servicePlans: [String]?, in sets: inout ReportedSets) -> Set<DirectoryProperty> {
        var bits = 0
        if record.has(.accountEnabled) { bits |= 1 }
        if record.has(.accountType) { bits |= 2 }
        if record.has(.usageLocation) { bits |= 4 }
        if servicePlans != nil { bits |= 8 }
        if record.has(.enterpriseVoiceEnabled) { bits |= 16 }
        if record.has(.voiceRoutingPolicy) { bits |= 32 }
        return sets.set(bits: bits)
    }

    /// The sets of reported properties built so far, by the bits `reported` gives their members.
    struct ReportedSets {
        private static let properties: [DirectoryProperty] = [.accountEnabled, .accountType, .usageLocation, .licences, .enterpriseVoiceEnabled, .voiceRoutingPolicy]
        private var byBits = [Set<DirectoryProperty>?](repeating: nil, count: 64)

        mutating func set(bits: Int) -> Set<DirectoryProperty> {
            if let known = byBits[bits & 63] { return known }
            var built: Set<DirectoryProperty> = []
            for (index, property) in Self.properties.enumerated() where bits & (1 << index) != 0 { built.insert(property) }
            byBits[bits & 63] = built
            return built
        }
    }
}

extension FieldReader {
    /// Working service plans by name, from `AssignedPlan` (Get-CsOnlineUser) or `assignedPlans`
    /// (Graph): a list of names, or of objects naming the plan (`Capability`, `ServicePlanName` or
    /// Graph's `servicePlanId`) with a `CapabilityStatus`. Nil when the export carries no licence
    /// information (no such field, or a CSV cell reading `System.Object[]`).
    /// https://learn.microsoft.com/graph/api/resources/assignedplan
    mutating func servicePlans() -> [String]? {
        guard let value = record[.assignedPlans] else { return nil }
        switch value {
        case .null:
            return nil
        case .opaque:
            return nil
        case .text:
            return nameList(.assignedPlans)
        case .object:
            return plans(in: [value])
        case .list(let items):
            if items.allSatisfy({ if case .text = $0 { true } else { false } }) { return nameList(.assignedPlans) }
            return plans(in: items)
        case .number, .bool:
            report(.assignedPlans, "expected a list of service plans, found \(describe(value))")
            return nil
        }
    }

    private mutating func plans(in items: [FieldValue]) -> [String]? {
        var names: [String] = []
        for item in items {
            guard case .object = item else {
                report(.assignedPlans, "expected a list of service plans, found \(describe(item)) in it")
                return nil
            }
            if let status = item.member("capabilitystatus")?.scalarText, !ServicePlans.workingStatuses.contains(status.lowercased()) { continue }
            let name = item.member("serviceplanname")?.scalarText ?? item.member("capability")?.scalarText
                ?? item.member("serviceplanid")?.scalarText.map { ServicePlans.names[$0.lowercased()] ?? $0.lowercased() }
            if let name, !names.contains(name) { names.append(String(name.prefix(128))) }
        }
        return names
    }

    /// A policy as `Get-CsOnlineUser` writes it: a name, or (module 3.0.0 and later, "UserPolicyDefinition")
    /// an object with a `Name`. Nil when the account has none of its own (the global policy applies).
    mutating func policyName(_ field: Field) -> String? {
        guard let value = record[field] else { return nil }
        if case .object = value {
            return value.member("name")?.scalarText ?? value.member("identity")?.scalarText
        }
        return text(field)
    }
}
