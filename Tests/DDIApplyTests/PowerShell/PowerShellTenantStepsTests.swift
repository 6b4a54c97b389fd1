import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

/// Issue 11 in the script: conference bridges, location-only changes and clears, quarantine
/// blocks, category changes, the live number type and `#Requires`, line by line.
final class PowerShellTenantStepsTests: XCTestCase {
    static let checksum = "sha256:" + String(repeating: "d", count: 64)
    static let user = PlanFixtures.target
    /// `AssignedPstnTargetId` in Get-CsPhoneNumberAssignment's documented examples.
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
    static let bridge = "2713551e-ed63-415d-9175-fc4ff825a0be"
    /// The LocationId in Set-CsPhoneNumberAssignment's Example 10.
    static let location = "951fac72-955e-4734-ab74-cc4c0f761c0b"

    static func action(_ kind: PlanActionKind, _ number: String, target: String = user, upn: String? = "anna@contoso.com",
                       targetKind: IdentityKind = .user, category: AssignmentCategory? = .primary, location: String? = nil,
                       changes: [PlanChange] = [.assignedTo], before: AssignmentState? = nil, numberType: NumberSource = .operatorConnect,
                       blockDays: Int? = nil) -> PlanAction {
        var action = PlanFixtures.action(kind, number, target: target, upn: upn, location: location, before: before, changes: changes)
        action.target.kind = targetKind
        action.category = category
        action.numberType = numberType
        action.assignmentBlockDays = blockDays
        return action
    }

    static var tenantPlan: Plan {
        let held = AssignmentState(status: "user-assigned", assignedTo: "anna@contoso.com", objectID: user, category: .primary, locationID: location)
        let conference = AssignmentState(status: "conference-assigned", assignedTo: "Conference Bridge", objectID: bridge)
        return PlanFixtures.plan([
            action(.assign, "+12065551001", category: .alternate, location: location, numberType: .callingPlan),
            action(.assign, "+12065551002", target: bridge, upn: "Conference Bridge", targetKind: .conferenceBridge, category: nil,
                   numberType: .directRouting),
            action(.unassign, "+12065551003", target: bridge, upn: "Conference Bridge", targetKind: .conferenceBridge, category: nil,
                   before: conference, numberType: .directRouting),
            action(.update, "+12065551004", location: location, changes: [.locationID], before: held),
            action(.update, "+12065551005", location: nil, changes: [.locationID], before: held),
            action(.unassign, "+12065551006", before: held, blockDays: 30),
            action(.update, "+12065551007", category: .private, changes: [.category], before: held),
        ])
    }

    func testTheScriptLineByLine() throws {
        let script = try PowerShellScriptWriter.script(for: Self.tenantPlan, checksum: Self.checksum)
        let lines = script.components(separatedBy: "\n")
        let expected = Self.golden.components(separatedBy: "\n")
        for (index, line) in expected.enumerated() {
            XCTAssertEqual(index < lines.count ? lines[index] : "<missing>", line, "line \(index + 1)")
        }
        XCTAssertEqual(lines.count, expected.count, script)
    }

    func testAPolicyTargetNeverReachesAScript() {
        let policy = AssignmentState(status: "policy-assigned", objectID: "TeamsSharedCallingRoutingPolicy|Tag:SC1")
        let plan = PlanFixtures.plan([Self.action(.reassign, "+12065551001", before: policy)])
        XCTAssertThrowsError(try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum)) { error in
            let message = (error as? ApplyRefusal)?.message ?? ""
            XCTAssertTrue(message.contains("policy (shared calling)"), message)
        }
    }

    func testABridgeNamedByNameIsRegisteredByName() throws {
        let plan = PlanFixtures.plan([Self.action(.assign, "+12065551002", target: "Conference Bridge", upn: nil, targetKind: .conferenceBridge,
                                                  category: nil, numberType: .directRouting)])
        let script = try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum)
        XCTAssertTrue(script.contains("if ([string]$current.PstnAssignmentStatus -eq 'ConferenceAssigned') { Write-Host '  already done' } else { "
            + "Register-CsOnlineDialInConferencingServiceNumber -Identity '+12065551002' -BridgeName 'Conference Bridge' }"), script)
    }

    func testABridgeNameWithAQuoteOrAControlCharacterIsRefused() {
        for name in ["Bridge'; Remove-Item x; '", "Bridge\u{2019}", "Bridge\nnext", "B\u{202E}ridge", String(repeating: "b", count: 65)] {
            let plan = PlanFixtures.plan([Self.action(.assign, "+12065551002", target: name, upn: nil, targetKind: .conferenceBridge, category: nil)])
            XCTAssertThrowsError(try PowerShellScriptWriter.script(for: plan, checksum: Self.checksum), name) { error in
                XCTAssertTrue((error as? ApplyRefusal)?.message.contains("conference bridge") == true, "\(error)")
            }
        }
    }

    static let golden = """
        \u{FEFF}# Written by ddi apply --provider powershell. Do not edit: make a new plan instead.
        # Plan checksum: sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
        # Requires the MicrosoftTeams module and Connect-MicrosoftTeams. Safe to run again: finished steps are skipped.
        # Each step first checks who holds the number; a holder the plan did not expect stops the script.
        #Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '7.6.0' }
        Set-StrictMode -Version 3.0
        $ErrorActionPreference = 'Stop'
        $total = 8

        # Every cmdlet parameter this script uses, checked before the first step: an older module stops it here, not halfway.
        foreach ($needed in @(@('Get-CsPhoneNumberAssignment', 'TelephoneNumber'), @('Set-CsPhoneNumberAssignment', 'Identity'), @('Set-CsPhoneNumberAssignment', 'TelephoneNumber'), @('Set-CsPhoneNumberAssignment', 'NumberType'), @('Set-CsPhoneNumberAssignment', 'LocationId'), @('Set-CsPhoneNumberAssignment', 'AssignmentCategory'), @('Register-CsOnlineDialInConferencingServiceNumber', 'Identity'), @('Register-CsOnlineDialInConferencingServiceNumber', 'BridgeId'), @('Unregister-CsOnlineDialInConferencingServiceNumber', 'Identity'), @('Unregister-CsOnlineDialInConferencingServiceNumber', 'BridgeId'), @('Remove-CsPhoneNumberAssignment', 'Identity'), @('Remove-CsPhoneNumberAssignment', 'TelephoneNumber'), @('Remove-CsPhoneNumberAssignment', 'NumberType'), @('Remove-CsPhoneNumberAssignment', 'AssignmentBlockedDays'))) {
            $command = Get-Command -Name $needed[0] -ErrorAction SilentlyContinue
            if (-not $command -or @($command.Parameters.Values | Where-Object { $_.Name -eq $needed[1] -or $_.Aliases -contains $needed[1] }).Count -eq 0) {
                throw ('ddi: the MicrosoftTeams module loaded here has no ' + $needed[0] + ' -' + $needed[1] + '; nothing was changed. Run Update-Module MicrosoftTeams, then run this script again.')
            }
        }

        # Who holds a number: 'unassigned', the holder's object id, or a note that Teams names none.
        function Get-DdiHolder($Assignment) {
            if (-not $Assignment -or [string]$Assignment.PstnAssignmentStatus -eq 'Unassigned') { return 'unassigned' }
            if (-not $Assignment.AssignedPstnTargetId) { return 'an assignment with no target id' }
            return [string]$Assignment.AssignedPstnTargetId
        }

        # step 1: assign
        Write-Host ('[{0}/{1}] ' -f 1, $total) -NoNewline; Write-Host 'assign +12065551001 to anna@contoso.com'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551001'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq 'unassigned' -or $holder -eq '00000000-0000-4000-8000-000000000001')) { throw ('ddi: +12065551001: expected it unassigned or already held by anna@contoso.com (00000000-0000-4000-8000-000000000001), found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ($holder -eq '00000000-0000-4000-8000-000000000001' -and $current.LocationId -eq '951fac72-955e-4734-ab74-cc4c0f761c0b' -and [string]$current.AssignmentCategory -eq 'Alternate') { Write-Host '  already done' } else { Set-CsPhoneNumberAssignment -Identity '00000000-0000-4000-8000-000000000001' -TelephoneNumber '+12065551001' -NumberType 'CallingPlan' -LocationId '951fac72-955e-4734-ab74-cc4c0f761c0b' -AssignmentCategory 'Alternate' }

        # step 2: assign
        Write-Host ('[{0}/{1}] ' -f 2, $total) -NoNewline; Write-Host 'assign +12065551002 to Conference Bridge'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551002'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq 'unassigned' -or $holder -eq '2713551e-ed63-415d-9175-fc4ff825a0be')) { throw ('ddi: +12065551002: expected it unassigned or already held by Conference Bridge (2713551e-ed63-415d-9175-fc4ff825a0be), found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ($holder -eq '2713551e-ed63-415d-9175-fc4ff825a0be') { Write-Host '  already done' } else { Register-CsOnlineDialInConferencingServiceNumber -Identity '+12065551002' -BridgeId '2713551e-ed63-415d-9175-fc4ff825a0be' }

        # step 3: unassign
        Write-Host ('[{0}/{1}] ' -f 3, $total) -NoNewline; Write-Host 'unassign +12065551003 from Conference Bridge'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551003'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq 'unassigned' -or $holder -eq '2713551e-ed63-415d-9175-fc4ff825a0be')) { throw ('ddi: +12065551003: expected it held by Conference Bridge (2713551e-ed63-415d-9175-fc4ff825a0be), or already unassigned, found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ($holder -eq 'unassigned') { Write-Host '  already done' } else { Unregister-CsOnlineDialInConferencingServiceNumber -Identity '+12065551003' -BridgeId '2713551e-ed63-415d-9175-fc4ff825a0be' }

        # step 4: update
        Write-Host ('[{0}/{1}] ' -f 4, $total) -NoNewline; Write-Host 'set the location of +12065551004 (anna@contoso.com)'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551004'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq '00000000-0000-4000-8000-000000000001')) { throw ('ddi: +12065551004: expected it held by anna@contoso.com (00000000-0000-4000-8000-000000000001), found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ($current.LocationId -eq '951fac72-955e-4734-ab74-cc4c0f761c0b') { Write-Host '  already done' } else { Set-CsPhoneNumberAssignment -TelephoneNumber '+12065551004' -LocationId '951fac72-955e-4734-ab74-cc4c0f761c0b' }

        # step 5: update
        Write-Host ('[{0}/{1}] ' -f 5, $total) -NoNewline; Write-Host 'clear the location of +12065551005 (anna@contoso.com)'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551005'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq '00000000-0000-4000-8000-000000000001')) { throw ('ddi: +12065551005: expected it held by anna@contoso.com (00000000-0000-4000-8000-000000000001), found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ((-not $current.LocationId -or [string]$current.LocationId -eq '00000000-0000-0000-0000-000000000000')) { Write-Host '  already done' } else { Set-CsPhoneNumberAssignment -TelephoneNumber '+12065551005' -LocationId 'null' }

        # step 6: unassign
        Write-Host ('[{0}/{1}] ' -f 6, $total) -NoNewline; Write-Host 'unassign +12065551006 from anna@contoso.com, blocked for 30 day(s)'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551006'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq 'unassigned' -or $holder -eq '00000000-0000-4000-8000-000000000001')) { throw ('ddi: +12065551006: expected it held by anna@contoso.com (00000000-0000-4000-8000-000000000001), or already unassigned, found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ($holder -eq 'unassigned') { Write-Host '  already done' } else { Remove-CsPhoneNumberAssignment -Identity '00000000-0000-4000-8000-000000000001' -TelephoneNumber '+12065551006' -NumberType 'OperatorConnect' -AssignmentBlockedDays 30 }

        # step 7: unassign
        Write-Host ('[{0}/{1}] ' -f 7, $total) -NoNewline; Write-Host 'unassign +12065551007 from anna@contoso.com to change its category'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551007'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq 'unassigned' -or $holder -eq '00000000-0000-4000-8000-000000000001')) { throw ('ddi: +12065551007: expected it held by anna@contoso.com (00000000-0000-4000-8000-000000000001), or already unassigned, found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ($holder -eq 'unassigned' -or ($holder -eq '00000000-0000-4000-8000-000000000001' -and [string]$current.AssignmentCategory -eq 'Private')) { Write-Host '  already done' } else { Remove-CsPhoneNumberAssignment -Identity '00000000-0000-4000-8000-000000000001' -TelephoneNumber '+12065551007' -NumberType 'OperatorConnect' }

        # step 8: assign
        Write-Host ('[{0}/{1}] ' -f 8, $total) -NoNewline; Write-Host 'assign +12065551007 to anna@contoso.com as private'
        $current = Get-CsPhoneNumberAssignment -TelephoneNumber '+12065551007'
        $holder = Get-DdiHolder $current
        if (-not ($holder -eq 'unassigned' -or $holder -eq '00000000-0000-4000-8000-000000000001')) { throw ('ddi: +12065551007: expected it unassigned or already held by anna@contoso.com (00000000-0000-4000-8000-000000000001), found ' + $holder + '. The tenant changed since the plan; nothing was changed for this number. Pull a new snapshot and make a new plan.') }
        if ($holder -eq '00000000-0000-4000-8000-000000000001' -and [string]$current.AssignmentCategory -eq 'Private') { Write-Host '  already done' } else { Set-CsPhoneNumberAssignment -Identity '00000000-0000-4000-8000-000000000001' -TelephoneNumber '+12065551007' -NumberType 'OperatorConnect' -AssignmentCategory 'Private' }

        Write-Host 'ddi: all 8 steps done'

        """
}
