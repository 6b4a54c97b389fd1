import DDIKit

/// Turns `Get-CsPhoneNumberAssignment` records (JSON or CSV) and Graph `numberAssignment` records into
/// live numbers. Both name the same properties (PascalCase vs camelCase) with the same enum names.
enum NumberRecordImporter {
    static let numberTypes = EnumNames<NumberSource>([
        "DirectRouting": .directRouting, "CallingPlan": .callingPlan, "OperatorConnect": .operatorConnect,
    ])
    static let statuses = EnumNames<LiveAssignmentStatus>([
        "Unassigned": .unassigned, "UserAssigned": .userAssigned, "ConferenceAssigned": .conferenceAssigned,
        "VoiceApplicationAssigned": .voiceApplicationAssigned, "ThirdPartyAppAssigned": .thirdPartyAppAssigned,
        "PolicyAssigned": .policyAssigned,
    ])
    static let categories = EnumNames<AssignmentCategory>([
        "Primary": .primary, "Private": .private, "Alternate": .alternate,
    ])
    static let activationStates = EnumNames<NumberActivationState>([
        "Activated": .activated, "AssignmentPending": .assignmentPending, "AssignmentFailed": .assignmentFailed,
        "UpdatePending": .updatePending, "UpdateFailed": .updateFailed,
    ])

    /// What a numbers export adds to the snapshot. `graph`: fields are named as Graph names them.
    static func contribution(_ export: SnapshotExport, graph: Bool) -> SnapshotContribution {
        guard case .success(let decoded) = export.decoded else { return SnapshotContribution() }
        let result = importRecords(decoded.records, file: export.path, graph: graph)
        return SnapshotContribution(numbers: result.numbers, problems: result.problems)
    }

    static func importRecords(_ records: [SnapshotRecord], file: String, graph: Bool) -> (numbers: [LiveNumber], problems: [SnapshotProblem]) {
        var numbers: [LiveNumber] = []
        numbers.reserveCapacity(records.count)
        var problems: [SnapshotProblem] = []
        for record in records {
            var reader = FieldReader(file: file, record: record, graph: graph)
            let number = reader.phoneNumber(.telephoneNumber, required: true)
            // The raw value names the record in messages; a wrong one was reported just above.
            reader.number = number?.description ?? record[.telephoneNumber]?.scalarText.map { String($0.prefix(64)) }
            let type = reader.enumeration(.numberType, numberTypes, required: true)
            let status = reader.enumeration(.assignmentStatus, statuses, required: true)
            var target = reader.text(.targetID)?.asciiFolded
            if status == .unassigned { target = nil }
            // A target of the wrong type was reported by `text`: "missing" would be a second, wrong message.
            if let status, status.isAssigned, target == nil, record.isAbsent(.targetID) {
                reader.report(.targetID, "missing: the number is \(status.rawValue), so the export must say to whom")
            }
            let category = reader.enumeration(.category, categories, required: false)
            let activation = reader.enumeration(.activationState, activationStates, required: false)
            let location = reader.text(.locationID)?.asciiFolded
            let tags = reader.list(.tags)
            let country = reader.text(.country)?.uppercased()
            problems += reader.problems
            guard reader.problems.isEmpty, let number, let type, let status else { continue }
            numbers.append(LiveNumber(
                number: number, numberType: type, status: status, targetID: target,
                category: status.isAssigned ? category : nil, locationID: location, tags: tags,
                activationState: activation, country: country,
                origin: RecordOrigin(file: file, record: record.index)
            ))
        }
        return (numbers, problems)
    }
}
