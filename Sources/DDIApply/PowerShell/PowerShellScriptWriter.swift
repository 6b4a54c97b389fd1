import DDIKit
import DDIPlan
import Foundation

/// `ddi apply --provider powershell`: a script of MicrosoftTeams cmdlets (README "Applying plans"). Every value is
/// a single-quoted literal quoted by Unicode scalar (`PowerShellQuoting`), and every value is
/// checked for its shape first (`ScriptValueShapes`): a value that is not an object id, location
/// id, number, tag or printable name as expected is refused before anything is written.
///
/// Each step first reads the number with `Get-CsPhoneNumberAssignment` and checks the holder it
/// expects (`ApplyStep.liveCheck`, the same rule as the Graph provider): a step already in place is
/// skipped, so running the script again is safe; any other holder means the tenant changed since
/// the plan, and the step throws, which ends the script (`$ErrorActionPreference = 'Stop'`).
public enum PowerShellScriptWriter {
    public static func script(for plan: Plan, checksum: String) throws(ApplyRefusal) -> String {
        try script(for: ApplySteps.steps(for: plan), checksum: checksum)
    }

    public static func script(for steps: [ApplyStep], checksum: String) throws(ApplyRefusal) -> String {
        let digest = checksum.hasPrefix("sha256:") ? checksum.dropFirst(7) : ""
        guard !digest.isEmpty, digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw ApplyRefusal("the plan checksum is not a sha256 digest")
        }
        for step in steps { try ScriptValueShapes.check(step) }
        // The byte order mark makes Windows PowerShell 5.1 read the file as UTF-8: without it, it
        // reads the ANSI code page, where the UTF-8 bytes of a name like "Ñ" (C3 91) include a
        // typographic quote (0x91 is U+2018 in Windows-1252) that would end a literal. See
        // https://learn.microsoft.com/powershell/scripting/dev-cross-plat/vscode/understanding-file-encoding
        // and PSScriptAnalyzer's UseBOMForUnicodeEncodedFile rule:
        // https://learn.microsoft.com/powershell/utility-modules/psscriptanalyzer/rules/usebomforunicodeencodedfile
        var lines: [String] = [
            "\u{FEFF}# Written by ddi apply --provider powershell. Do not edit: make a new plan instead.",
            "# Plan checksum: \(checksum)",
            "# Requires the MicrosoftTeams module and Connect-MicrosoftTeams. Safe to run again: finished steps are skipped.",
            "# Each step first checks who holds the number; a holder the plan did not expect stops the script.",
            "#Requires -Modules MicrosoftTeams",
            "Set-StrictMode -Version 3.0",
            "$ErrorActionPreference = 'Stop'",
            "$total = \(steps.count)",
            "",
            "# Who holds a number: 'unassigned', the holder's object id, or a note that Teams names none.",
            "function Get-DdiHolder($Assignment) {",
            "    if (-not $Assignment -or [string]$Assignment.PstnAssignmentStatus -eq 'Unassigned') { return 'unassigned' }",
            "    if (-not $Assignment.AssignedPstnTargetId) { return 'an assignment with no target id' }",
            "    return [string]$Assignment.AssignedPstnTargetId",
            "}",
            "",
        ]
        for (index, step) in steps.enumerated() {
            lines += block(step, position: index + 1)
            lines.append("")
        }
        lines.append("Write-Host 'ddi: all \(steps.count) step(s) done'")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func q(_ value: String) -> String { PowerShellQuoting.literal(value) }

    private static func psType(_ source: NumberSource) -> String {
        switch source {
        case .directRouting: "DirectRouting"
        case .callingPlan: "CallingPlan"
        case .operatorConnect: "OperatorConnect"
        }
    }

    private static func psCategory(_ category: AssignmentCategory) -> String {
        switch category {
        case .primary: "Primary"
        case .private: "Private"
        case .alternate: "Alternate"
        }
    }

    /// `$holder -eq 'id'` for each id, joined with `-or`.
    private static func holderIs(_ ids: [String?]) -> String {
        ids.compactMap { $0 }.map { "$holder -eq \(q($0))" }.joined(separator: " -or ")
    }

    private static func block(_ step: ApplyStep, position: Int) -> [String] {
        let number = q(step.number), target = q(step.targetID)
        let progress = "Write-Host ('[{0}/{1}] ' -f \(position), $total) -NoNewline; Write-Host \(q(step.summary))"
        var lines = ["# step \(position): \(step.operation.rawValue)", progress,
                     "$current = Get-CsPhoneNumberAssignment -TelephoneNumber \(number)",
                     "$holder = Get-DdiHolder $current"]
        // The same rule as `ApplyStep.liveCheck`: which holders let the step run or show it done.
        let accepted: [String?], done: String, command: String
        switch step.operation {
        case .assign, .update:
            var set = "Set-CsPhoneNumberAssignment -Identity \(target) -PhoneNumber \(number) -PhoneNumberType \(q(psType(step.numberType)))"
            var inPlace: [String] = []
            if let location = step.locationID {
                set += " -LocationId \(q(location))"
                inPlace.append("$current.LocationId -eq \(q(location))")
            }
            if let category = step.category {
                set += " -AssignmentCategory \(q(psCategory(category)))"
                inPlace.append("[string]$current.AssignmentCategory -eq \(q(psCategory(category)))")
            }
            command = set
            if step.operation == .assign {
                accepted = ["unassigned", step.targetID]
                done = ([holderIs([step.targetID])] + inPlace).joined(separator: " -and ")
            } else {
                accepted = [step.expectedHolderID]
                done = inPlace.isEmpty ? "$true" : inPlace.joined(separator: " -and ")
            }
        case .unassign:
            accepted = ["unassigned", step.expectedHolderID, step.nextHolderID]
            done = holderIs(["unassigned", step.nextHolderID])
            command = "Remove-CsPhoneNumberAssignment -Identity \(target) -PhoneNumber \(number) -PhoneNumberType \(q(psType(step.numberType)))"
        case .addTag, .removeTag:
            let tag = q(step.tag ?? "")
            accepted = [step.expectedHolderID]
            done = "@($current.Tag) -\(step.operation == .addTag ? "contains" : "notcontains") \(tag)"
            command = "\(step.operation == .addTag ? "Set" : "Remove")-CsPhoneNumberTag -PhoneNumber \(number) -Tag \(tag)"
        }
        let changed = "ddi: \(step.number): expected \(step.expectedStateText), found "
        lines.append("if (-not (\(holderIs(accepted)))) { throw (\(q(changed)) + $holder + \(q(". " + ApplyStep.changedAdvice))) }")
        lines.append("if (\(done)) { Write-Host '  already done' } else { \(command) }")
        return lines
    }
}
