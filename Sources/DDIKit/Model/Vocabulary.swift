/// How a range's numbers reach Teams.
public enum NumberSource: String, Sendable, CaseIterable, Codable {
    case directRouting = "direct-routing"
    case callingPlan = "calling-plan"
    case operatorConnect = "operator-connect"
}

public enum NumberStatus: String, Sendable, CaseIterable, Codable {
    case assigned, reserved, quarantine, free, retired, external
}

public enum NumberKind: String, Sendable, CaseIterable, Codable {
    case user, vip
    case autoAttendant = "auto-attendant"
    case callQueue = "call-queue"
    case resource, conference, campaign, test, device
    /// A number held by a shared-calling policy (`PolicyAssigned`, target `TeamsSharedCallingRoutingPolicy|Tag:...`),
    /// not by an identity: https://learn.microsoft.com/microsoftteams/shared-calling-setup
    case sharedCalling = "shared-calling"
}

/// Teams' assignment category: one primary number per identity, any number of private lines.
public enum AssignmentCategory: String, Sendable, CaseIterable, Codable {
    case primary, `private`, alternate
}

public enum RoutingType: String, Sendable, CaseIterable, Codable {
    case autoAttendant = "auto-attendant"
    case callQueue = "call-queue"
}
