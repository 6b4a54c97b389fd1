/// Turns `Get-CsOnlineLisLocation` records (JSON or CSV) into locations, so that plans can name a
/// location and tell one the tenant does not have. `Location` is the place's own name (e.g.
/// "3rd Floor Cafe"); `Description` belongs to its civic address and names it when `Location` is empty.
/// https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation
enum LocationRecordImporter {
    static func contribution(_ export: SnapshotExport) -> SnapshotContribution {
        guard case .success(let decoded) = export.decoded else { return SnapshotContribution() }
        var locations: [LiveLocation] = []
        var problems: [SnapshotProblem] = []
        for record in decoded.records {
            var reader = FieldReader(file: export.path, record: record, graph: false)
            let id = reader.optionalID(.locationID)
            if id == nil, record.isAbsent(.locationID) { reader.report(.locationID, "missing") }
            let name = reader.text(.locationName)
            let description = reader.text(.locationDescription)
            let city = reader.text(.city)
            let country = reader.text(.countryOrRegion)?.uppercased()
            // `ValidationStatus` of the civic address (Validated, Notvalidated, ...): PF010.
            let validation = reader.text(.validationStatus)
            problems += reader.problems
            guard reader.problems.isEmpty, let id else { continue }
            locations.append(LiveLocation(locationID: id, description: name ?? description, city: city, countryOrRegion: country,
                                          origin: RecordOrigin(file: export.path, record: record.index), validationStatus: validation))
        }
        return SnapshotContribution(locations: locations, problems: problems)
    }
}
