import DDIKit
import DDIPlan

/// The PowerShell of routing steps. Every value is a single-quoted literal (`PowerShellQuoting`)
/// and is checked for its shape first: object ids are GUIDs, telephone targets `tel:+digits`,
/// actions and target types come from the documented lists. Each step reads the object first:
/// already at the declared value, it is skipped; at neither the planned `before` nor the declared
/// value, the tenant changed and the script stops.
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-cscallqueue
/// https://learn.microsoft.com/powershell/module/microsoftteams/set-csautoattendant
/// https://learn.microsoft.com/powershell/module/microsoftteams/new-csautoattendantcallableentity
/// https://learn.microsoft.com/powershell/module/microsoftteams/new-csonlineapplicationinstanceassociation
enum RoutingScriptBlocks {
    /// Documented `-OverflowAction` / `-TimeoutAction` values (Set-CsCallQueue).
    static let queueActions: Set<String> = ["DisconnectWithBusy", "Disconnect", "Forward", "Voicemail", "SharedVoicemail"]

    /// Helpers the routing blocks call; written once, before the first routing step.
    static let helpers: [String] = [
        "# A property's value, or '' when the object or the property is absent (Set-StrictMode forbids reading a missing one).",
        "function Get-DdiValue($Object, [string]$Name) {",
        "    if ($null -eq $Object) { return '' }",
        "    $property = $Object.PSObject.Properties[$Name]",
        "    if ($null -eq $property -or $null -eq $property.Value) { return '' }",
        "    return ([string]$property.Value).ToLowerInvariant()",
        "}",
        "# A call queue's agents as sorted, comma-joined object ids.",
        "function Get-DdiAgents($Queue) {",
        "    $ids = @(@($Queue.Agents) | Where-Object { $null -ne $_ } | ForEach-Object { Get-DdiValue $_ 'ObjectId' }) | Sort-Object",
        "    return ($ids -join ',')",
        "}",
        "# The menu option an auto attendant's call flow takes without caller input.",
        "function Get-DdiAutomaticOption($Flow) {",
        "    if ($null -eq $Flow) { return $null }",
        "    return @(@($Flow.Menu.MenuOptions) | Where-Object { $null -ne $_ -and [string]$_.DtmfResponse -eq 'Automatic' })[0]",
        "}",
        "# The call flow of the AfterHours call handling association.",
        "function Get-DdiAfterHoursFlow($Attendant) {",
        "    $association = @(@($Attendant.CallHandlingAssociations) | Where-Object { $null -ne $_ -and [string]$_.Type -eq 'AfterHours' })[0]",
        "    if ($null -eq $association) { return $null }",
        "    return @(@($Attendant.CallFlows) | Where-Object { $null -ne $_ -and [string]$_.Id -eq [string]$association.CallFlowId })[0]",
        "}",
        "",
    ]

    static func check(_ step: RoutingStep) throws(ApplyRefusal) {
        // The routing id is also written in the step's comment line: only the inventory's id shape.
        try require(step, "routing id", step.routingID, isRoutingID)
        try require(step, "configuration id", step.configurationID, ScriptValueShapes.isGUID)
        switch step.operation {
        case .associate(let id):
            try require(step, "resource account object id", id, ScriptValueShapes.isGUID)
        case .setCallQueue(let changes):
            for change in changes { try check(step, change) }
        case .setAutoAttendantTarget(let change):
            try check(step, change)
        }
    }

    private static func check(_ step: RoutingStep, _ change: RoutingChange) throws(ApplyRefusal) {
        for value in [change.before, change.after] {
            for id in value.ids { try require(step, "agent object id", id, ScriptValueShapes.isGUID) }
            if let action = value.action { try require(step, "action", action, queueActions.contains) }
            if let target = value.target { try require(step, "call target", target.id, isTargetID) }
        }
        if change.field == .agents || change.field == .overflow || change.field == .timeout || change.field == .businessHours
            || change.field == .afterHours {
            return
        }
        throw ApplyRefusal("\(TextEscaping.terminal(step.routingID)): ddi has no step for \(change.field.rawValue)")
    }

    /// `[a-z0-9][a-z0-9._-]*`, at most 64 characters, as the inventory loader requires of ids.
    static func isRoutingID(_ value: String) -> Bool {
        guard let first = value.utf8.first, value.utf8.count <= 64, (0x61...0x7A).contains(first) || (0x30...0x39).contains(first) else { return false }
        return value.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }
    }

    static func isTargetID(_ value: String) -> Bool {
        if value.hasPrefix("tel:") { return ScriptValueShapes.isPhoneNumber(String(value.dropFirst(4))) }
        return ScriptValueShapes.isGUID(value)
    }

    private static func require(_ step: RoutingStep, _ field: String, _ value: String, _ shape: (String) -> Bool) throws(ApplyRefusal) {
        guard let reason = ScriptValueShapes.unprintable(value) ?? (shape(value) ? nil : "does not have the documented shape") else { return }
        throw ApplyRefusal("\(ScriptValueShapes.shown(step.routingID)): the \(field) \"\(ScriptValueShapes.shown(value))\" \(reason); ddi does not write it into a script")
    }

    private static func q(_ value: String) -> String { PowerShellQuoting.literal(value) }

    static func block(_ step: RoutingStep, position: Int) -> [String] {
        let id = q(step.configurationID)
        let changed = "ddi: \(step.routingID): the tenant changed since the plan (" + ApplyStep.changedAdvice + ")"
        var lines = ["# step \(position): \(step.summary)",
                     "Write-Host ('[{0}/{1}] ' -f \(position), $total) -NoNewline; Write-Host \(q(step.summary))"]
        switch step.operation {
        case .associate(let account):
            let type = step.type == .callQueue ? "CallQueue" : "AutoAttendant"
            let read = step.type == .callQueue ? "Get-CsCallQueue -Identity \(id)" : "Get-CsAutoAttendant -Identity \(id)"
            lines.append("$config = \(read)")
            lines.append("if (@(@($config.ApplicationInstances) | ForEach-Object { ([string]$_).ToLowerInvariant() }) -contains \(q(account))) { Write-Host '  already done' } else { New-CsOnlineApplicationInstanceAssociation -Identities @(\(q(account))) -ConfigurationId \(id) -ConfigurationType \(q(type)) }")
        case .setCallQueue(let changes):
            lines.append("$queue = Get-CsCallQueue -Identity \(id)")
            var done: [String] = [], expected: [String] = [], parameters: [String] = []
            for change in changes {
                switch change.field {
                case .agents:
                    done.append("(Get-DdiAgents $queue) -eq \(q(change.after.ids.sorted().joined(separator: ",")))")
                    expected.append("(Get-DdiAgents $queue) -eq \(q(change.before.ids.sorted().joined(separator: ",")))")
                    parameters.append("-Users @(" + change.after.ids.map(q).joined(separator: ", ") + ")")
                case .overflow, .timeout:
                    let prefix = change.field == .overflow ? "Overflow" : "Timeout"
                    done.append(queueCondition(prefix, change.after))
                    expected.append(queueCondition(prefix, change.before))
                    parameters.append("-\(prefix)Action \(q(change.after.action ?? ""))")
                    if let target = change.after.target { parameters.append("-\(prefix)ActionTarget \(q(target.id))") }
                default:
                    continue
                }
            }
            // Every changed field must be at its planned `before` or already at the declared value.
            let fieldsKnown = zip(done, expected).map { "((\($0.0)) -or (\($0.1)))" }.joined(separator: " -and ")
            lines.append("if (-not (\(fieldsKnown))) { throw \(q(changed)) }")
            lines.append("if (\(done.map { "(\($0))" }.joined(separator: " -and "))) { Write-Host '  already done' } else { Set-CsCallQueue -Identity \(id) \(parameters.joined(separator: " ")) }")
        case .setAutoAttendantTarget(let change):
            lines.append("$attendant = Get-CsAutoAttendant -Identity \(id)")
            let flow = change.field == .afterHours ? "Get-DdiAfterHoursFlow $attendant" : "$attendant.DefaultCallFlow"
            lines.append("$option = Get-DdiAutomaticOption (\(flow))")
            lines.append("if ($null -eq $option) { throw \(q(changed)) }")
            let after = change.after.target
            let done = "[string]$option.Action -eq 'TransferCallToTarget' -and (Get-DdiValue $option.CallTarget 'Id') -eq \(q(after?.id ?? ""))"
            let expected = change.before.target.map { "[string]$option.Action -eq 'TransferCallToTarget' -and (Get-DdiValue $option.CallTarget 'Id') -eq \(q($0.id))" }
                ?? "[string]$option.Action -ne 'TransferCallToTarget'"
            lines.append("if (-not ((\(done)) -or (\(expected)))) { throw \(q(changed)) }")
            let type = entityType(after?.type)
            lines.append("if (\(done)) { Write-Host '  already done' } else {")
            lines.append("    $option.Action = 'TransferCallToTarget'")
            lines.append("    $option.CallTarget = New-CsAutoAttendantCallableEntity -Identity \(q(after?.id ?? "")) -Type \(q(type))")
            lines.append("    Set-CsAutoAttendant -Instance $attendant")
            lines.append("}")
        }
        return lines
    }

    /// A call queue's action and target as the plan sees them, as a PowerShell condition.
    private static func queueCondition(_ prefix: String, _ value: RoutingValue) -> String {
        var condition = "[string]$queue.\(prefix)Action -eq \(q(value.action ?? ""))"
        if let target = value.target { condition += " -and (Get-DdiValue $queue.\(prefix)ActionTarget 'Id') -eq \(q(target.id))" }
        return condition
    }

    /// `-Type` of New-CsAutoAttendantCallableEntity: User, ApplicationEndpoint, ConfigurationEndpoint,
    /// ExternalPstn, SharedVoicemail.
    private static func entityType(_ type: CallTargetType?) -> String {
        switch type {
        case .user, .personalVoicemail, .none: "User"
        case .applicationEndpoint: "ApplicationEndpoint"
        case .configurationEndpoint: "ConfigurationEndpoint"
        case .externalPSTN: "ExternalPstn"
        case .sharedVoicemail: "SharedVoicemail"
        }
    }
}
