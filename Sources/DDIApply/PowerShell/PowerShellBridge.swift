/// How a script names the audio-conferencing bridge a service number is registered to.
/// `Register-CsOnlineDialInConferencingServiceNumber [-Identity] <String> [-BridgeId <Guid>]
/// [-BridgeName <String>]`, where `-Identity` is the service number ("Register-CsOnlineDialinConferencingServiceNumber
/// -Identity +1425555XXX -BridgeId ..."); `Unregister-...` takes the same parameters.
/// https://learn.microsoft.com/powershell/module/microsoftteams/register-csonlinedialinconferencingservicenumber
/// https://learn.microsoft.com/powershell/module/microsoftteams/unregister-csonlinedialinconferencingservicenumber
enum PowerShellBridge {
    /// `BridgeId` for a GUID (the bridge's `Identity`, which `Get-CsPhoneNumberAssignment` shows
    /// as `AssignedPstnTargetId`), `BridgeName` otherwise.
    static func parameter(_ bridge: String) -> String {
        ScriptValueShapes.isGUID(bridge) ? "BridgeId" : "BridgeName"
    }

    /// The condition that the number is registered to `bridge`: by id when the bridge is named by
    /// its id, else by the conference status (a name is not what `AssignedPstnTargetId` holds).
    static func holds(_ bridge: String, quoted: (String) -> String) -> String {
        ScriptValueShapes.isGUID(bridge) ? "$holder -eq \(quoted(bridge))" : "[string]$current.PstnAssignmentStatus -eq 'ConferenceAssigned'"
    }
}
