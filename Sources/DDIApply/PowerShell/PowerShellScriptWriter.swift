import DDIKit
import DDIPlan
import Foundation

/// `ddi apply --provider powershell`: a script of MicrosoftTeams cmdlets (README "Applying plans"). Every value is
/// a single-quoted literal quoted by Unicode scalar (`PowerShellQuoting`), and every value is
/// checked for its shape first (`ScriptValueShapes`): a value that is not an object id, location
/// id, number, tag or printable name as expected is refused before anything is written.
///
/// Each step (`PowerShellStepBlock`) first reads the number with `Get-CsPhoneNumberAssignment` and checks the holder it
/// expects (`ApplyStep.liveCheck`, the same rule as the Graph provider): a step already in place is
/// skipped, so running the script again is safe; any other holder means the tenant changed since
/// the plan, and the step throws, which ends the script (`$ErrorActionPreference = 'Stop'`).
public enum PowerShellScriptWriter {
    public static func script(for plan: Plan, checksum: String) throws(ApplyRefusal) -> String {
        try script(for: ApplySteps.steps(for: plan), routing: RoutingSteps.steps(for: plan), checksum: checksum)
    }

    public static func script(for steps: [ApplyStep], routing: [RoutingStep] = [], checksum: String) throws(ApplyRefusal) -> String {
        let digest = checksum.hasPrefix("sha256:") ? checksum.dropFirst(7) : ""
        guard !digest.isEmpty, digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw ApplyRefusal("the plan checksum is not a sha256 digest")
        }
        for step in steps {
            try ApplyStepRules.check(step)
            try ScriptValueShapes.check(step)
        }
        for step in routing { try RoutingScriptBlocks.check(step) }
        let module = PowerShellModuleRequirements(steps: steps)
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
            module.requiresLine,
            "Set-StrictMode -Version 3.0",
            "$ErrorActionPreference = 'Stop'",
            "$total = \(steps.count + routing.count)",
            "",
        ]
        lines += module.checkLines
        lines += [
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
            lines += PowerShellStepBlock(step: step, position: index + 1).lines
            lines.append("")
        }
        if !routing.isEmpty { lines += RoutingScriptBlocks.helpers }
        for (index, step) in routing.enumerated() {
            lines += RoutingScriptBlocks.block(step, position: steps.count + index + 1)
            lines.append("")
        }
        lines.append("Write-Host 'ddi: all \(Wording.counted(steps.count + routing.count, "step")) done'")
        return lines.joined(separator: "\n") + "\n"
    }
}
