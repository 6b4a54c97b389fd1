import DDIKit

/// How `ddi import` lays out the files it writes.
public enum ImportGrouping: String, Sendable, CaseIterable {
    /// One file per country: `dk.yaml`, `se.yaml`.
    case country
    /// One file per emergency location (Teams' notion of a site): `sites/dk-7f3c0d2e.yaml`.
    case site
}

public struct ImportOptions: Sendable {
    public var grouping: ImportGrouping
    public var tenant: String?
    /// Written as `live:` in ddi.yaml when set (relative to the new inventory's root).
    public var liveDirectory: String?
    /// The date written in the header comments.
    public var today: Day

    public init(grouping: ImportGrouping = .country, tenant: String? = nil, liveDirectory: String? = nil, today: Day) {
        self.grouping = grouping
        self.tenant = tenant
        self.liveDirectory = liveDirectory
        self.today = today
    }
}

/// The files of a new inventory, by path relative to its root.
public struct ImportedInventory: Sendable {
    public var files: [(path: String, text: String)]
    public var numbers: Int
    public var ranges: Int
}

public struct ImportProblems: Error, Sendable, CustomStringConvertible {
    public var messages: [String]
    /// One `error:` line per problem, values escaped, a long run of one shape summarised (`RepeatedProblems`).
    public var description: String { RepeatedProblems.lines(messages.map(TextEscaping.terminal), prefix: "error: ").joined(separator: "\n") }
}

/// Writes an inventory that declares exactly what a snapshot holds (README "`ddi import`"), so that a tenant
/// can adopt ddi in minutes: its plan against the same snapshot has no actions. Only assigned numbers
/// are declared; unassigned ones are free numbers of the inferred ranges.
public enum InventoryImporter {
    public static func build(_ snapshot: LiveSnapshot, options: ImportOptions) throws(ImportProblems) -> ImportedInventory {
        let numbers = snapshot.numbers
        let directory = snapshot.directory
        var problems: [String] = []
        var countries: [String] = []
        countries.reserveCapacity(numbers.count)
        for live in numbers {
            if let country = live.country, PhoneNumberValidator.shared.isKnownRegion(country) {
                countries.append(country)
            } else if let region = PhoneNumberValidator.shared.validRegions(e164Digits: Substring(live.number.digits)).first, region != "001" {
                countries.append(region)
            } else {
                countries.append("ZZ")
                problems.append("\(live.origin): \(live.number): no IsoCountryCode, and libphonenumber knows no country for the number")
            }
        }
        let domain = mostCommonDomain(snapshot.accounts)
        var entries: [Int: NumberDeclaration] = [:]
        for (index, live) in numbers.enumerated() where live.status.isAssigned {
            switch declaration(of: live, directory: directory, domain: domain) {
            case .success(let declaration): entries[index] = declaration
            case .failure(let message): problems.append("\(live.origin): \(live.number): \(message)")
            }
        }
        if !problems.isEmpty { throw ImportProblems(messages: problems) }

        let ranges = RangeInference.ranges(numbers: numbers, countries: countries)
        var routingIDs = RoutingIDs()
        var files: [String: YAMLFileBuilder] = [:]
        for range in ranges {
            let path = filePath(for: range, numbers: numbers, grouping: options.grouping)
            var file = files[path] ?? YAMLFileBuilder()
            file.ranges.append(range)
            for member in range.members {
                guard var declaration = entries[member] else { continue }
                if range.locationID == nil { declaration.locationID = numbers[member].locationID }
                if let type = RoutingIDs.routingType(of: declaration.kind) {
                    let (id, isNew) = routingIDs.id(for: declaration.assignedTo)
                    declaration.routing = id
                    if isNew { file.routing.append((id, type, declaration.assignedTo)) }
                }
                file.numbers.append(declaration)
            }
            files[path] = file
        }
        RoutingImport.complete(&files, routingIDs: &routingIDs, snapshot: snapshot)
        var output: [(path: String, text: String)] = [(Inventory.configFileName, configText(snapshot, options: options))]
        for path in files.keys.sorted() {
            guard let file = files[path] else { continue }
            output.append((path, file.render(header: "Imported by ddi import on \(options.today) from the live snapshot; review owners and add `reviewed:` dates.")))
        }
        return ImportedInventory(files: output, numbers: entries.count, ranges: ranges.count)
    }

    struct NumberDeclaration {
        var number: PhoneNumber
        var kind: NumberKind
        var assignedTo: String
        /// The routing entry of an auto attendant's or call queue's resource account.
        var routing: String?
        var category: AssignmentCategory?
        var locationID: String?
        var tags: [String]
    }

    private enum Outcome {
        case success(NumberDeclaration)
        case failure(String)
    }

    /// The kind comes from the assignment status and the account: resource accounts by their
    /// application id (auto attendant, call queue; any other as `resource`), the conferencing bridge
    /// and shared-calling policies by their status, which no directory export lists.
    private static func declaration(of live: LiveNumber, directory: Directory, domain: String) -> Outcome {
        let category = live.category == .primary ? nil : live.category
        let tags = live.tags ?? []
        switch live.status {
        case .conferenceAssigned:
            // The planner matches the bridge by status; the name only tells a reader what holds it.
            return .success(NumberDeclaration(number: live.number, kind: .conference, assignedTo: "conference-bridge@\(domain)", routing: nil,
                                              category: nil, locationID: nil, tags: tags))
        case .policyAssigned:
            // The policy target (`TeamsSharedCallingRoutingPolicy|Tag:SC1`) is the holder's name.
            // https://learn.microsoft.com/microsoftteams/shared-calling-setup
            guard let policy = live.targetID, Identity.looksLikePolicyTarget(policy) else {
                return .failure("policy-assigned, but its target '\(live.targetID ?? "")' is not a policy target such as TeamsSharedCallingRoutingPolicy|Tag:SC1")
            }
            return .success(NumberDeclaration(number: live.number, kind: .sharedCalling, assignedTo: policy, routing: nil,
                                              category: nil, locationID: nil, tags: tags))
        default:
            break
        }
        guard let id = live.targetID, let account = directory.account(objectID: id) else {
            return .failure("assigned to object id \(live.targetID ?? "?"), which no directory export lists (export Get-CsOnlineUser and Get-CsOnlineApplicationInstance)")
        }
        let kind: NumberKind
        if live.status == .voiceApplicationAssigned || account.isResourceAccount {
            // https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlineapplicationinstance (ApplicationId)
            switch account.applicationID {
            case TeamsApplication.autoAttendant?: kind = .autoAttendant
            case TeamsApplication.callQueue?: kind = .callQueue
            default: kind = .resource
            }
        } else {
            kind = live.status == .userAssigned ? .user : .resource
        }
        return .success(NumberDeclaration(number: live.number, kind: kind, assignedTo: account.upn, routing: nil, category: category, locationID: nil, tags: tags))
    }

    private static func filePath(for range: InferredRange, numbers: [LiveNumber], grouping: ImportGrouping) -> String {
        switch grouping {
        case .country:
            return "\(range.country.lowercased()).yaml"
        case .site:
            var counts: [String: Int] = [:]
            for member in range.members { counts[numbers[member].locationID ?? "none", default: 0] += 1 }
            let location = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "none"
            let label = location == "none" ? "no-location" : String(location.prefix(8))
            return "sites/\(range.country.lowercased())-\(label).yaml"
        }
    }

    private static func mostCommonDomain(_ accounts: [DirectoryAccount]) -> String {
        var counts: [String: Int] = [:]
        for account in accounts {
            if let domain = account.upn.split(separator: "@").last, account.upn.contains("@") { counts[domain.lowercased(), default: 0] += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "example.invalid"
    }

    private static func configText(_ snapshot: LiveSnapshot, options: ImportOptions) -> String {
        var lines = [
            "# Imported by ddi import on \(options.today) from \(Wording.counted(snapshot.files.count, "snapshot file")):",
        ]
        lines += snapshot.files.map { "#   \($0.path) (\($0.format.rawValue), \($0.sha256))" }
        lines += ["", "version: 1"]
        if let tenant = options.tenant { lines.append("tenant: \(YAMLQuoting.doubleQuoted(tenant))") }
        if let live = options.liveDirectory {
            lines.append("live: \(YAMLQuoting.doubleQuoted(live))")
        } else {
            lines.append("# live: live/                 # where `ddi plan` finds the snapshot by default")
        }
        lines += [
            "policy:",
            "  quarantine_days: 90",
            "  reservation_max_days: 180",
            "  review_max_age_days: 365",
            "  require_range: true",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
