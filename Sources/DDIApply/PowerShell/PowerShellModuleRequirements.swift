import DDIKit

/// Which MicrosoftTeams module a script needs: the version for `#Requires` (the highest any of
/// its steps needs, from the NOTES of each cmdlet page and the release notes) and every cmdlet
/// parameter it uses, which the script checks before its first step. A module without one stops
/// the script before anything changes, instead of halfway through.
///
/// The check matters most for `-TelephoneNumber` / `-NumberType` on Set-/Remove-CsPhoneNumberAssignment:
/// the current pages name them, with `-PhoneNumber` / `-PhoneNumberType` as aliases, but neither
/// the pages nor the release notes say which module version renamed them.
struct PowerShellModuleRequirements: Equatable {
    struct Version: Comparable, CustomStringConvertible {
        var parts: [Int]
        init(_ major: Int, _ minor: Int, _ patch: Int) { parts = [major, minor, patch] }
        static func < (lhs: Version, rhs: Version) -> Bool { lhs.parts.lexicographicallyPrecedes(rhs.parts) }
        var description: String { parts.map(String.init).joined(separator: ".") }
    }

    /// Get-CsPhoneNumberAssignment, which every step reads first: "available in Teams PowerShell
    /// module 4.0.0 or later" (Set-/Remove-CsPhoneNumberAssignment: 3.0.0).
    /// https://learn.microsoft.com/powershell/module/microsoftteams/get-csphonenumberassignment
    static let base = Version(4, 0, 0)
    /// Private lines: "You must have Teams PowerShell Module version 5.4.0 or higher"
    /// (https://learn.microsoft.com/microsoftteams/private-line); the LocationUpdate parameter set
    /// (a location without -Identity) came in 5.3.1-preview, GA in 5.4.0 ("Updates
    /// Set-CsPhoneNumberAssignment to support location update of unassigned numbers",
    /// https://learn.microsoft.com/microsoftteams/teams-powershell-release-notes).
    static let categoryAndLocationUpdate = Version(5, 4, 0)
    /// "The AssignmentBlockedForever and AssignmentBlockedDays parameters were introduced in Teams
    /// PowerShell module 7.5.0." https://learn.microsoft.com/powershell/module/microsoftteams/remove-csphonenumberassignment
    static let assignmentBlock = Version(7, 5, 0)
    /// "Alternate number assignment was introduced in Teams PowerShell module 7.6.0."
    /// https://learn.microsoft.com/powershell/module/microsoftteams/set-csphonenumberassignment
    static let alternateCategory = Version(7, 6, 0)

    var version = base
    /// (cmdlet, parameter) pairs in the order the script first uses them.
    var parameters: [Parameter] = [Parameter("Get-CsPhoneNumberAssignment", "TelephoneNumber")]

    struct Parameter: Equatable {
        var cmdlet: String
        var name: String
        init(_ cmdlet: String, _ name: String) {
            self.cmdlet = cmdlet
            self.name = name
        }
    }

    init(steps: [ApplyStep]) {
        for step in steps { add(step) }
    }

    private mutating func need(_ version: Version) { self.version = max(self.version, version) }

    private mutating func use(_ cmdlet: String, _ names: String...) {
        for name in names where !parameters.contains(Parameter(cmdlet, name)) { parameters.append(Parameter(cmdlet, name)) }
    }

    private mutating func add(_ step: ApplyStep) {
        let bridge = step.targetKind == .conferenceBridge
        switch step.operation {
        case .assign where bridge:
            use("Register-CsOnlineDialInConferencingServiceNumber", "Identity", PowerShellBridge.parameter(step.targetID))
        case .unassign where bridge:
            use("Unregister-CsOnlineDialInConferencingServiceNumber", "Identity", PowerShellBridge.parameter(step.targetID))
        case .assign:
            use("Set-CsPhoneNumberAssignment", "Identity", "TelephoneNumber", "NumberType")
            if step.locationID != nil { use("Set-CsPhoneNumberAssignment", "LocationId") }
            if let category = step.category {
                use("Set-CsPhoneNumberAssignment", "AssignmentCategory")
                need(category == .alternate ? Self.alternateCategory : Self.categoryAndLocationUpdate)
            }
        case .unassign:
            use("Remove-CsPhoneNumberAssignment", "Identity", "TelephoneNumber", "NumberType")
            if step.assignmentBlockDays != nil {
                use("Remove-CsPhoneNumberAssignment", "AssignmentBlockedDays")
                need(Self.assignmentBlock)
            }
        case .update:
            use("Set-CsPhoneNumberAssignment", "TelephoneNumber", "LocationId")
            need(Self.categoryAndLocationUpdate)
        case .addTag:
            use("Set-CsPhoneNumberTag", "PhoneNumber", "Tag")
        case .removeTag:
            use("Remove-CsPhoneNumberTag", "PhoneNumber", "Tag")
        }
    }

    /// The `#Requires` line: `ModuleVersion` is a minimum.
    /// https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_requires
    var requiresLine: String {
        "#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '\(version)' }"
    }

    /// Script lines that stop before the first step when the loaded module lacks a parameter (by
    /// name or alias: a module where `-TelephoneNumber` is still an alias of `-PhoneNumber` passes).
    var checkLines: [String] {
        let pairs = parameters.map { "@('\($0.cmdlet)', '\($0.name)')" }.joined(separator: ", ")
        return [
            "# Every cmdlet parameter this script uses, checked before the first step: an older module stops it here, not halfway.",
            "foreach ($needed in @(\(pairs))) {",
            "    $command = Get-Command -Name $needed[0] -ErrorAction SilentlyContinue",
            "    if (-not $command -or @($command.Parameters.Values | Where-Object { $_.Name -eq $needed[1] -or $_.Aliases -contains $needed[1] }).Count -eq 0) {",
            "        throw ('ddi: the MicrosoftTeams module loaded here has no ' + $needed[0] + ' -' + $needed[1] + '; nothing was changed. Run Update-Module MicrosoftTeams, then run this script again.')",
            "    }",
            "}",
        ]
    }
}
