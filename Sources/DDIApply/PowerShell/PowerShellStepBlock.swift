import DDIKit
import DDIPlan

/// One step of a script: read the number, check the holder the step expects (the same rule as
/// `ApplyStep.liveCheck`), then skip the step when it is in place or run its cmdlet. Every value
/// is a single-quoted literal (`PowerShellQuoting`), checked for its shape before (`ScriptValueShapes`).
///
/// Cmdlets and parameter names are those of the current MicrosoftTeams pages:
/// - `Set-CsPhoneNumberAssignment -Identity -TelephoneNumber -NumberType [-LocationId] [-AssignmentCategory]`
///   (Assignment set) and `-TelephoneNumber -LocationId` without `-Identity` (LocationUpdate set), where
///   "If you want to remove the location, use the string value null for LocationId":
///   https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignment
/// - `Remove-CsPhoneNumberAssignment -Identity -TelephoneNumber -NumberType [-AssignmentBlockedDays]`:
///   https://learn.microsoft.com/powershell/module/microsoftteams/remove-csphonenumberassignment
/// - conference bridges: `Register-` / `Unregister-CsOnlineDialInConferencingServiceNumber` (`PowerShellBridge`);
/// - tags: `Set-` / `Remove-CsPhoneNumberTag -PhoneNumber -Tag` (their pages keep `-PhoneNumber`):
///   https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumbertag
struct PowerShellStepBlock {
    let step: ApplyStep
    let position: Int

    private func q(_ value: String) -> String { PowerShellQuoting.literal(value) }

    static func type(_ source: NumberSource) -> String {
        switch source {
        case .directRouting: "DirectRouting"
        case .callingPlan: "CallingPlan"
        case .operatorConnect: "OperatorConnect"
        }
    }

    static func category(_ category: AssignmentCategory) -> String {
        switch category {
        case .primary: "Primary"
        case .private: "Private"
        case .alternate: "Alternate"
        }
    }

    /// `$holder -eq 'id'`, or the conference condition for a bridge named by name.
    private func held(by id: String?, kind: IdentityKind = .user) -> String? {
        guard let id else { return nil }
        if id == "unassigned" { return "$holder -eq 'unassigned'" }
        return kind == .conferenceBridge ? PowerShellBridge.holds(id, quoted: q) : "$holder -eq \(q(id))"
    }

    private func any(_ conditions: [String?]) -> String {
        conditions.compactMap { $0 }.joined(separator: " -or ")
    }

    var lines: [String] {
        let number = q(step.number), identity = "-TelephoneNumber \(number) -NumberType \(q(Self.type(step.numberType)))"
        let progress = "Write-Host ('[{0}/{1}] ' -f \(position), $total) -NoNewline; Write-Host \(q(step.summary))"
        var lines = ["# step \(position): \(step.operation.rawValue)", progress,
                     "$current = Get-CsPhoneNumberAssignment -TelephoneNumber \(number)",
                     "$holder = Get-DdiHolder $current"]
        let bridge = step.targetKind == .conferenceBridge
        let accepted: [String?], done: String, command: String
        switch step.operation {
        case .assign where bridge:
            accepted = [held(by: "unassigned"), held(by: step.targetID, kind: .conferenceBridge)]
            done = held(by: step.targetID, kind: .conferenceBridge) ?? "$false"
            command = "Register-CsOnlineDialInConferencingServiceNumber -Identity \(number) -\(PowerShellBridge.parameter(step.targetID)) \(q(step.targetID))"
        case .assign:
            var set = "Set-CsPhoneNumberAssignment -Identity \(q(step.targetID)) \(identity)"
            var inPlace = [held(by: step.targetID) ?? ""]
            if let location = step.locationID {
                set += " -LocationId \(q(location))"
                inPlace.append("$current.LocationId -eq \(q(location))")
            }
            if let category = step.category {
                set += " -AssignmentCategory \(q(Self.category(category)))"
                inPlace.append("[string]$current.AssignmentCategory -eq \(q(Self.category(category)))")
            }
            accepted = [held(by: "unassigned"), held(by: step.targetID)]
            done = inPlace.joined(separator: " -and ")
            command = set
        case .unassign where bridge:
            accepted = [held(by: "unassigned"), held(by: step.expectedHolderID, kind: .conferenceBridge), held(by: step.nextHolderID)]
            done = any([held(by: "unassigned"), held(by: step.nextHolderID)])
            command = "Unregister-CsOnlineDialInConferencingServiceNumber -Identity \(number) -\(PowerShellBridge.parameter(step.targetID)) \(q(step.targetID))"
        case .unassign:
            var remove = "Remove-CsPhoneNumberAssignment -Identity \(q(step.targetID)) \(identity)"
            // An integer from 1 through 365 (`ApplyStepRules`), written as a number, not a literal.
            if let days = step.assignmentBlockDays { remove += " -AssignmentBlockedDays \(days)" }
            if step.changesCategory, let category = step.category {
                accepted = [held(by: "unassigned"), held(by: step.expectedHolderID)]
                let inPlace = "(\(held(by: step.expectedHolderID) ?? "$false") -and [string]$current.AssignmentCategory -eq \(q(Self.category(category))))"
                done = any([held(by: "unassigned"), inPlace])
            } else {
                accepted = [held(by: "unassigned"), held(by: step.expectedHolderID, kind: step.targetKind), held(by: step.nextHolderID)]
                done = any([held(by: "unassigned"), held(by: step.nextHolderID)])
            }
            command = remove
        case .update:
            accepted = [held(by: step.expectedHolderID ?? "unassigned", kind: step.targetKind)]
            if let location = step.locationID {
                done = "$current.LocationId -eq \(q(location))"
                command = "Set-CsPhoneNumberAssignment -TelephoneNumber \(number) -LocationId \(q(location))"
            } else {
                // No location reads as empty or as the all-zero GUID in Teams' output.
                done = "(-not $current.LocationId -or [string]$current.LocationId -eq '00000000-0000-0000-0000-000000000000')"
                command = "Set-CsPhoneNumberAssignment -TelephoneNumber \(number) -LocationId 'null'"
            }
        case .addTag, .removeTag:
            let tag = q(step.tag ?? "")
            accepted = [held(by: step.expectedHolderID, kind: step.targetKind)]
            done = "@($current.Tag) -\(step.operation == .addTag ? "contains" : "notcontains") \(tag)"
            command = "\(step.operation == .addTag ? "Set" : "Remove")-CsPhoneNumberTag -PhoneNumber \(number) -Tag \(tag)"
        }
        let changed = "ddi: \(step.number): expected \(step.expectedStateText), found "
        lines.append("if (-not (\(any(accepted)))) { throw (\(q(changed)) + $holder + \(q(". " + ApplyStep.changedAdvice))) }")
        lines.append("if (\(done)) { Write-Host '  already done' } else { \(command) }")
        return lines
    }
}
