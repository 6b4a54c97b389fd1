import Foundation

/// Reads `Get-CsAutoAttendant` / `Get-CsCallQueue` exports (`ConvertTo-Json -Depth 10 -EnumsAsStrings`).
/// These records are nested (call flows, menus, call targets), unlike the flat number and directory
/// exports, so they are read as whole JSON values. The files are small (a tenant has at most a few
/// hundred auto attendants and call queues); the fast reader has already checked the text is JSON
/// nested at most `JSONRecordReader.maximumDepth` deep before this runs.
///
/// Field names: Get-CsAutoAttendant's documented output (Id, Name, DefaultCallFlow, CallFlows,
/// CallHandlingAssociations, ApplicationInstances) and Set-CsAutoAttendant's examples (CallFlows Id,
/// Menu, CallHandlingAssociations Type AfterHours / CallFlowId); menu options from
/// New-CsAutoAttendantMenuOption (Action TransferCallToTarget, DtmfResponse Automatic, CallTarget);
/// call targets from New-CsAutoAttendantCallableEntity (Id, Type). Get-CsCallQueue documents no
/// sample output: its properties are read by the names of Set-CsCallQueue's parameters (Identity,
/// Name, Users / Agents, OverflowAction, OverflowActionTarget, TimeoutAction, TimeoutActionTarget)
/// and ApplicationInstances (New-CsOnlineApplicationInstanceAssociation).
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csautoattendant
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-csautoattendant
/// https://learn.microsoft.com/powershell/module/microsoftteams/new-csautoattendantmenuoption
/// https://learn.microsoft.com/powershell/module/microsoftteams/new-csautoattendantcallableentity
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-cscallqueue
/// https://learn.microsoft.com/powershell/module/microsoftteams/new-csonlineapplicationinstanceassociation
enum RoutingRecordMapping {
    static let enumHint = "the enum was exported as a number; export again with ConvertTo-Json -Depth 10 -EnumsAsStrings"

    /// The export's top-level records (one object or an array of objects), nil when it is not that.
    static func records(_ export: SnapshotExport) -> [[String: Any]]? {
        guard export.json != nil,
              let value = try? JSONSerialization.jsonObject(with: Data(export.text), options: [.fragmentsAllowed]) else { return nil }
        if let object = value as? [String: Any] { return [object] }
        guard let array = value as? [Any], !array.isEmpty else { return nil }
        let objects = array.compactMap { $0 as? [String: Any] }
        return objects.count == array.count ? objects : nil
    }

    static func looksLikeAutoAttendants(_ export: SnapshotExport) -> Bool {
        guard let first = records(export)?.first else { return false }
        return has(first, "DefaultCallFlow") && has(first, "ApplicationInstances")
    }

    static func looksLikeCallQueues(_ export: SnapshotExport) -> Bool {
        guard let first = records(export)?.first else { return false }
        return has(first, "OverflowAction") && has(first, "TimeoutAction")
    }

    // MARK: call queues

    static func callQueues(_ export: SnapshotExport) -> SnapshotContribution {
        var contribution = SnapshotContribution()
        var queues: [LiveCallQueue] = []
        for (index, record) in (records(export) ?? []).enumerated() {
            var problems = RecordProblems(file: export.path, record: index + 1)
            guard let id = problems.text(record, "Identity") ?? problems.text(record, "Id"), !id.isEmpty else {
                problems.report("Identity", "is missing: the call queue cannot be matched or changed")
                contribution.problems += problems.list
                continue
            }
            // `Agents` lists {ObjectId, OptIn}; `Users` the object ids given to -Users.
            var agents = (value(record, "Agents") as? [Any] ?? []).compactMap { agent in
                (agent as? [String: Any]).flatMap { text($0, "ObjectId") }?.lowercased()
            }
            if agents.isEmpty { agents = stringList(value(record, "Users")).map { $0.lowercased() } }
            queues.append(LiveCallQueue(
                id: id.lowercased(), name: text(record, "Name") ?? "",
                agents: agents,
                overflowAction: problems.enumText(record, "OverflowAction"),
                overflowTarget: problems.target(value(record, "OverflowActionTarget"), field: "OverflowActionTarget"),
                timeoutAction: problems.enumText(record, "TimeoutAction"),
                timeoutTarget: problems.target(value(record, "TimeoutActionTarget"), field: "TimeoutActionTarget"),
                applicationInstances: stringList(value(record, "ApplicationInstances")).map { $0.lowercased() },
                origin: RecordOrigin(file: export.path, record: index + 1)))
            contribution.problems += problems.list
        }
        contribution.routing = LiveRouting(callQueues: queues)
        return contribution
    }

    // MARK: auto attendants

    static func autoAttendants(_ export: SnapshotExport) -> SnapshotContribution {
        var contribution = SnapshotContribution()
        var attendants: [LiveAutoAttendant] = []
        for (index, record) in (records(export) ?? []).enumerated() {
            var problems = RecordProblems(file: export.path, record: index + 1)
            guard let id = problems.text(record, "Id") ?? problems.text(record, "Identity"), !id.isEmpty else {
                problems.report("Id", "is missing: the auto attendant cannot be matched or changed")
                contribution.problems += problems.list
                continue
            }
            let defaultFlow = value(record, "DefaultCallFlow") as? [String: Any]
            let flows = (value(record, "CallFlows") as? [Any] ?? []).compactMap { $0 as? [String: Any] }
            let associations = (value(record, "CallHandlingAssociations") as? [Any] ?? []).compactMap { $0 as? [String: Any] }
            let afterHoursFlowID = associations.first { text($0, "Type")?.lowercased() == "afterhours" }.flatMap { text($0, "CallFlowId") }
            let afterHoursFlow = afterHoursFlowID.flatMap { flowID in flows.first { text($0, "Id")?.lowercased() == flowID.lowercased() } }
            attendants.append(LiveAutoAttendant(
                id: id.lowercased(), name: text(record, "Name") ?? "",
                businessHours: defaultFlow.flatMap { problems.exit(of: $0, field: "DefaultCallFlow") },
                afterHours: afterHoursFlow.flatMap { problems.exit(of: $0, field: "CallFlows") },
                applicationInstances: stringList(value(record, "ApplicationInstances")).map { $0.lowercased() },
                origin: RecordOrigin(file: export.path, record: index + 1)))
            contribution.problems += problems.list
        }
        contribution.routing = LiveRouting(autoAttendants: attendants)
        return contribution
    }

    // MARK: values

    /// Keys match case-insensitively, as for the flat exports.
    static func value(_ object: [String: Any], _ key: String) -> Any? {
        if let exact = object[key] { return exact is NSNull ? nil : exact }
        let lowered = key.lowercased()
        return object.first { $0.key.lowercased() == lowered }.flatMap { $0.value is NSNull ? nil : $0.value }
    }

    static func has(_ object: [String: Any], _ key: String) -> Bool {
        let lowered = key.lowercased()
        return object.keys.contains { $0.lowercased() == lowered }
    }

    static func text(_ object: [String: Any], _ key: String) -> String? {
        (value(object, key) as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A list of strings; a single string (ConvertTo-Json writes a one-item list as its item) counts as one.
    static func stringList(_ value: Any?) -> [String] {
        if let single = value as? String { return single.isEmpty ? [] : [single] }
        return (value as? [Any] ?? []).compactMap { $0 as? String }.filter { !$0.isEmpty }
    }
}

/// The problems of one routing record, with the helpers that find them.
struct RecordProblems {
    var file: String
    var record: Int
    var list: [SnapshotProblem] = []

    mutating func report(_ field: String, _ message: String) {
        list.append(SnapshotProblem(file: file, record: record, field: field, message: message))
    }

    /// Text of `key`; a number where text is expected is reported (an enum without -EnumsAsStrings).
    mutating func text(_ object: [String: Any], _ key: String) -> String? {
        let value = RoutingRecordMapping.value(object, key)
        // JSON true/false also arrive as NSNumber: their Objective-C type is `c` (char).
        if !(value is String), let number = value as? NSNumber, String(cString: number.objCType) != "c" {
            report(key, "is the number \(number): \(RoutingRecordMapping.enumHint)")
            return nil
        }
        return (value as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    mutating func enumText(_ object: [String: Any], _ key: String) -> String? { text(object, key) }

    /// A call target: `{Id, Type}`, or a bare id / `tel:` URI.
    mutating func target(_ value: Any?, field: String) -> LiveCallTarget? {
        if let bare = value as? String, !bare.isEmpty {
            let type: CallTargetType = bare.lowercased().hasPrefix("tel:") ? .externalPSTN : .user
            return LiveCallTarget(type: type, id: bare.lowercased())
        }
        guard let object = value as? [String: Any], let id = text(object, "Id") else { return nil }
        guard let typeText = text(object, "Type") else { return nil }
        guard let type = CallTargetType(exported: typeText) else {
            report(field, "has the call target type \(typeText), which this version of ddi does not know")
            return nil
        }
        return LiveCallTarget(type: type, id: id.lowercased())
    }

    /// The `Automatic` menu option of a call flow: where the call goes without caller input.
    mutating func exit(of flow: [String: Any], field: String) -> LiveCallFlowExit? {
        guard let menu = RoutingRecordMapping.value(flow, "Menu") as? [String: Any] else { return nil }
        let options = (RoutingRecordMapping.value(menu, "MenuOptions") as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        guard let automatic = options.first(where: { RoutingRecordMapping.text($0, "DtmfResponse")?.lowercased() == "automatic" }) else {
            return options.isEmpty ? nil : .other("a menu that waits for the caller")
        }
        let action = text(automatic, "Action") ?? ""
        guard action.lowercased() == "transfercalltotarget" else { return .other(action.isEmpty ? "no action" : action) }
        guard let target = target(RoutingRecordMapping.value(automatic, "CallTarget"), field: field) else {
            return .other("a transfer without a call target")
        }
        return .transfer(target)
    }
}
