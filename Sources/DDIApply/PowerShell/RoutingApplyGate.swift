import DDIPlan

/// Which providers may carry routing out. Microsoft Graph documents no API for auto attendants or
/// call queues: teamsAdminRoot's relationships are policy, userConfigurations, numberAssignments,
/// operations and telephoneNumberManagement only
/// (https://learn.microsoft.com/graph/api/resources/teamsadministration-teamsadminroot?view=graph-rest-1.0),
/// while auto attendants and call queues are managed by cmdlets
/// (https://learn.microsoft.com/microsoftteams/call-queue-auto-attendant-cmdlets). So a plan
/// with routing changes is refused before anything is sent and the user is pointed to PowerShell.
enum RoutingApplyGate {
    static func steps(for plan: Plan, provider: any ApplyProvider.Type) throws(ApplyRefusal) -> [RoutingStep] {
        let steps = RoutingSteps.steps(for: plan)
        guard !steps.isEmpty else { return [] }
        guard provider.appliesRouting else {
            throw ApplyRefusal("the plan changes \(plan.routing.actions.count) auto attendant(s) or call queue(s), and --provider \(provider.name) cannot: Microsoft Graph has no documented API for them. Nothing was sent; apply with --provider powershell")
        }
        for step in steps { try RoutingScriptBlocks.check(step) }
        return steps
    }
}
