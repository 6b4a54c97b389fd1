import DDIKit

/// PF009: a declared `location_id` exists in the tenant's LIS export (issue 11 item 8).
struct LISLocationCheck: PreflightCheck {
    let id = "PF009"
    let title = "Location exists in the LIS export"
    let defaultSeverity = Severity.error
    let rationale = """
    `location_id` is the emergency location Teams sends with an emergency call; `Set-CsPhoneNumberAssignment \
    -LocationId` takes the id of a location from `Get-CsOnlineLisLocation`. An id the tenant does not \
    have fails the step (a typo, a location deleted since, another tenant's id). With a \
    `Get-CsOnlineLisLocation` export in the snapshot, ddi finds it in review.
    """
    let source = "https://learn.microsoft.com/powershell/module/microsoftteams/get-csonlinelislocation"
    let examples: [PreflightExample] = [
        .valid("a location id of the LIS export",
               PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(), locationID: "5aa884e8-d548-4b8e-a289-52bfd5265a6e")],
                                locations: [PreflightSamples.location()])),
        .invalid("a location id the LIS export lacks",
                 message: "location 407c17ae-8c41-431e-894a-38787c682f68 is not in the LIS export",
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(), locationID: "407c17ae-8c41-431e-894a-38787c682f68")],
                                  locations: [PreflightSamples.location()])),
        .skipped("a snapshot without a Get-CsOnlineLisLocation export",
                 lacking: LISLocations.lacking,
                 PreflightContext(assignments: [PreflightSamples.assign(PreflightSamples.callingPlanNumber, to: PreflightSamples.user(), locationID: "5aa884e8-d548-4b8e-a289-52bfd5265a6e")])),
    ]

    func check(_ context: PreflightContext, _ findings: inout PreflightFindings) {
        for assignment in context.assignments {
            guard let id = LISLocations.declared(assignment) else { continue }
            guard let locations = context.locations else {
                findings.skip(assignment.number, lacking: LISLocations.lacking, declaredAt: assignment.declaredAt)
                continue
            }
            guard locations[id] == nil else { continue }
            findings.add(assignment.number, identity: assignment.identity,
                         "location \(id) is not in the LIS export (\(locations.count) location\(locations.count == 1 ? "" : "s")): Teams refuses a location it does not have",
                         fix: "use a LocationId from Get-CsOnlineLisLocation, or create the location first", declaredAt: assignment.declaredAt)
        }
    }
}

/// What the location checks share.
enum LISLocations {
    static let lacking = "the LIS locations (no Get-CsOnlineLisLocation export in the snapshot)"
    static let noLocation = "00000000-0000-0000-0000-000000000000"

    /// The lowercased location id an assignment sets, nil when it sets none.
    static func declared(_ assignment: PreflightAssignment) -> String? {
        guard let id = assignment.locationID?.lowercased(), !id.isEmpty, id != noLocation else { return nil }
        return id
    }
}
