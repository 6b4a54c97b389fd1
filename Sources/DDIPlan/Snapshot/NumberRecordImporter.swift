import DDIKit

/// Turns `Get-CsPhoneNumberAssignment` records (JSON or CSV), `Export-CsAcquiredPhoneNumber` rows and
/// Graph `numberAssignment` records into live numbers. They name the same properties (PascalCase vs
/// camelCase) with the same enum names.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
/// https://learn.microsoft.com/graph/api/resources/teamsadministration-numberassignment
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

    /// What a numbers export adds to the snapshot. `graph`: fields are named as Graph names them.
    static func contribution(_ export: SnapshotExport, graph: Bool) -> SnapshotContribution {
        guard case .success(let decoded) = export.decoded else { return SnapshotContribution() }
        let result = importRecords(decoded.records, file: export.path, graph: graph)
        return SnapshotContribution(numbers: result.numbers, problems: result.problems, notes: result.notes)
    }

    static func importRecords(_ records: [SnapshotRecord], file: String, graph: Bool)
        -> (numbers: [LiveNumber], problems: [SnapshotProblem], notes: [SnapshotNote]) {
        var sink = Sink(file: file, graph: graph)
        sink.reserve(records: records.count)
        for record in records { sink.add(record) }
        return (sink.numbers, sink.problems, sink.notes)
    }

    /// Takes the records of one export one at a time (`JSONRecordReader.nextRecord` streams them).
    struct Sink: SnapshotRecordSink {
        let file: String
        let graph: Bool
        var numbers: [LiveNumber] = []
        var problems: [SnapshotProblem] = []
        var notes: [SnapshotNote] = []
        private var ids = ValueInterner<String>()
        private var capabilityLists = ValueInterner<[NumberCapability]>()

        init(file: String, graph: Bool) {
            self.file = file
            self.graph = graph
        }

        mutating func add(_ record: SnapshotRecord) {
            var reader = FieldReader(file: file, record: record, graph: graph)
            if var number = read(&reader) {
                number.locationID = ids(number.locationID)
                number.operatorID = ids(number.operatorID)
                number.capabilities = capabilityLists(number.capabilities)
                numbers.append(number)
            }
            if !reader.problems.isEmpty { problems += reader.problems }
            if !reader.notes.isEmpty { notes += reader.notes }
        }

        mutating func reserve(records: Int) { numbers.reserveCapacity(records) }

        var contribution: SnapshotContribution { SnapshotContribution(numbers: numbers, problems: problems, notes: notes) }
    }

    /// One record, or nil when it is wrong (a problem) or skipped (a note: its number type or
    /// assignment status is a value this version does not know, so nothing about it can be planned).
    private static func read(_ reader: inout FieldReader) -> LiveNumber? {
        let record = reader.record
        let number = reader.phoneNumber(.telephoneNumber, required: true)
        // The raw value names the record in messages; a wrong one was reported just above.
        reader.number = number?.description ?? record[.telephoneNumber]?.scalarText.map { String($0.prefix(64)) }
        let type = required(.numberType, numberTypes, &reader)
        let readStatus = required(.assignmentStatus, statuses, &reader)
        let status = readStatus ?? nil
        // Read whatever the status: a target of the wrong type is a wrong record even on a free number.
        let exportedTarget = reader.text(.targetID)
        var target: String?
        if let status, status.isAssigned {
            // A shared-calling policy instance (`TeamsSharedCallingRoutingPolicy|Tag:SC1`) keeps its case;
            // object ids are lowercased so that exports compare equal.
            target = exportedTarget.map { status == .policyAssigned ? $0 : $0.asciiFolded }
            // A target of the wrong type was reported by `text`: "missing" would be a second, wrong message.
            if target == nil, record.isAbsent(.targetID) {
                reader.report(.targetID, "missing: the number is \(status.rawValue), so the export must say to whom")
            }
        }
        let category = optional(.category, categories, &reader)
        let facts = reader.numberFacts()
        let tags = reader.list(.tags)
        guard reader.problems.isEmpty, let number, let type = type ?? nil, let status else { return nil }
        return LiveNumber(
            number: number, numberType: type, status: status, targetID: target,
            category: status.isAssigned ? category : nil, locationID: facts.locationID, tags: tags,
            activationState: facts.activationState, country: facts.country, capabilities: facts.capabilities,
            management: facts.management, portInOrderStatus: facts.portInOrderStatus, assignmentBlock: facts.assignmentBlock,
            city: facts.city, operatorID: facts.operatorID, locationUpdateSupported: facts.locationUpdateSupported,
            origin: RecordOrigin(file: reader.file, record: record.index)
        )
    }

    /// A field the record cannot be read without: missing is a problem; a value this version does
    /// not know skips the record with a note (outer nil: problem or absent; inner nil: skipped).
    private static func required<Value>(_ field: Field, _ names: EnumNames<Value>, _ reader: inout FieldReader) -> Value?? {
        switch reader.lenientEnumeration(field, names) {
        case .value(let value):
            return .some(value)
        case .unknown(let text):
            reader.note(field, "'\(text)' is a value this version of ddi does not know (expected \(names.names.joined(separator: ", "))): the record is skipped, so ddi plans nothing for this number")
            return .some(nil)
        case .absent:
            if reader.record.isAbsent(field) { reader.report(field, "missing") }
            return nil
        }
    }

    /// A field the record is readable without: a value this version does not know is nil with a note.
    static func optional<Value>(_ field: Field, _ names: EnumNames<Value>, _ reader: inout FieldReader) -> Value? {
        switch reader.lenientEnumeration(field, names) {
        case .value(let value):
            return value
        case .unknown(let text):
            reader.note(field, "'\(text)' is a value this version of ddi does not know (expected \(names.names.joined(separator: ", "))): read as not exported")
            return nil
        case .absent:
            return nil
        }
    }
}
