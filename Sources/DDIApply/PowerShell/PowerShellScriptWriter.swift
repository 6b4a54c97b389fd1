import DDIKit
import DDIPlan
import Foundation

/// `ddi apply --provider powershell`: a script of MicrosoftTeams cmdlets (DESIGN 6). Every value is
/// a single-quoted literal (`PowerShellQuoting`), so no declared text is ever parsed as code; values
/// with control characters (newlines included) are refused before anything is written. Each step
/// first asks `Get-CsPhoneNumberAssignment` whether it is already done, so running the script again
/// skips finished steps.
public enum PowerShellScriptWriter {
    public static func script(for plan: Plan, checksum: String) throws(ApplyRefusal) -> String {
        let steps = ApplySteps.steps(for: plan)
        for step in steps {
            for value in [step.number, step.targetID, step.targetDisplay, step.locationID ?? "", step.tag ?? ""] {
                if let problem = unsafeCharacter(in: value) {
                    throw ApplyRefusal("\(step.number): a value contains \(problem); ddi does not write it into a script")
                }
            }
        }
        var lines: [String] = [
            "# Written by ddi apply --provider powershell. Do not edit: make a new plan instead.",
            "# Plan checksum: \(checksum)",
            "# Requires the MicrosoftTeams module and Connect-MicrosoftTeams. Safe to run again: finished steps are skipped.",
            "#Requires -Modules MicrosoftTeams",
            "Set-StrictMode -Version 3.0",
            "$ErrorActionPreference = 'Stop'",
            "$total = \(steps.count)",
            "",
        ]
        for (index, step) in steps.enumerated() {
            lines += block(step, position: index + 1)
            lines.append("")
        }
        lines.append("Write-Host 'ddi: all \(steps.count) step(s) done'")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A control or line-separating character, described; nil when the value is printable text.
    static func unsafeCharacter(in value: String) -> String? {
        for scalar in value.unicodeScalars {
            let code = scalar.value
            if code < 0x20 || code == 0x7F || (0x80...0x9F).contains(code) || code == 0x2028 || code == 0x2029 {
                return String(format: "the control character U+%04X", code)
            }
        }
        return nil
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

    private static func block(_ step: ApplyStep, position: Int) -> [String] {
        let number = q(step.number), target = q(step.targetID)
        let progress = "Write-Host ('[{0}/{1}] ' -f \(position), $total) -NoNewline; Write-Host \(q(step.summary))"
        var lines = ["# step \(position): \(step.operation.rawValue)", progress,
                     "$current = Get-CsPhoneNumberAssignment -TelephoneNumber \(number)"]
        switch step.operation {
        case .assign, .update:
            var command = "Set-CsPhoneNumberAssignment -Identity \(target) -PhoneNumber \(number) -PhoneNumberType \(q(psType(step.numberType)))"
            var done = "$current -and $current.AssignedPstnTargetId -eq \(target)"
            if let location = step.locationID {
                command += " -LocationId \(q(location))"
                done += " -and $current.LocationId -eq \(q(location))"
            }
            if let category = step.category {
                command += " -AssignmentCategory \(q(psCategory(category)))"
                done += " -and [string]$current.AssignmentCategory -eq \(q(psCategory(category)))"
            }
            lines += ["if (\(done)) { Write-Host '  already done' } else { \(command) }"]
        case .unassign:
            lines += ["if ($current -and $current.AssignedPstnTargetId -eq \(target)) { Remove-CsPhoneNumberAssignment -Identity \(target) -PhoneNumber \(number) -PhoneNumberType \(q(psType(step.numberType))) } else { Write-Host '  already done' }"]
        case .addTag:
            let tag = q(step.tag ?? "")
            lines += ["if ($current -and @($current.Tag) -contains \(tag)) { Write-Host '  already done' } else { Set-CsPhoneNumberTag -PhoneNumber \(number) -Tag \(tag) }"]
        case .removeTag:
            let tag = q(step.tag ?? "")
            lines += ["if ($current -and @($current.Tag) -contains \(tag)) { Remove-CsPhoneNumberTag -PhoneNumber \(number) -Tag \(tag) } else { Write-Host '  already done' }"]
        }
        return lines
    }
}
