import DDIKit

/// PF010: the emergency address of a declared location is validated.
struct EmergencyAddressCheck: PreflightCheck {
    let id = "PF010"
    let title = "Emergency address validated"
    let defaultSeverity = Severity.warning
    let rationale = """
    An emergency call carries the number's location to the emergency services, and Calling Plan \
    countries require a validated emergency address. `Get-CsOnlineLisLocation` reports each \
    location's `ValidationStatus` (Validated, Notvalidated, Invalid). A number given a location whose \
    address is not validated may be refused, or route an emergency call with a wrong address.
    """
    let source = "https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation"
    let examples: [PreflightExample] = [
        .valid("the location's address is Validated",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(), locationID: "5aa884e8-d548-4b8e-a289-52bfd5265a6e")],
                                locations: [PreflightSamples.location()])),
        .invalid("the location's address is Notvalidated",
                 message: "the emergency address of location 5aa884e8-d548-4b8e-a289-52bfd5265a6e (3rd Floor Cafe, Seattle) is Notvalidated",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(), locationID: "5aa884e8-d548-4b8e-a289-52bfd5265a6e")],
                                  locations: [PreflightSamples.location(validationStatus: "Notvalidated")])),
        .skipped("the LIS export has no ValidationStatus column",
                 lacking: "the locations' ValidationStatus",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(), locationID: "5aa884e8-d548-4b8e-a289-52bfd5265a6e")],
                                  locations: [PreflightSamples.location(validationStatus: nil)])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for assignment in context.assignments {
            guard let id = LISLocations.declared(assignment) else { continue }
            guard let locations = context.locations else {
                findings.skip(assignment.number, lacking: LISLocations.lacking, declaredAt: assignment.declaredAt)
                continue
            }
            // A location the export lacks is PF009's finding.
            guard let location = locations[id] else { continue }
            guard let status = location.validationStatus, !status.isEmpty else {
                findings.skip(assignment.number, lacking: "the locations' ValidationStatus", declaredAt: assignment.declaredAt)
                continue
            }
            guard !["validated", "valid"].contains(status.lowercased()) else { continue }
            let name = [location.description, location.city].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            findings.add(assignment.number, identity: assignment.identity,
                         "the emergency address of location \(id)\(name.isEmpty ? "" : " (\(name))") is \(status): emergency calls may carry an unconfirmed address",
                         fix: "validate the civic address in the Teams admin center (Locations > Emergency addresses), or declare a validated location",
                         declaredAt: assignment.declaredAt, live: location.origin)
        }
    }
}
