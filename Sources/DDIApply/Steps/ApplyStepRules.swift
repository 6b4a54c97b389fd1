import DDIKit
import DDIPlan

/// Steps no provider carries out, refused before any step runs or anything is written. The
/// planner does not make them; this is the second wall (README "What ddi apply sends to Teams": a plan never contains a step
/// the documentation says Teams refuses).
public enum ApplyStepRules {
    /// `Remove-CsPhoneNumberAssignment -AssignmentBlockedDays`: "The value must be an integer from
    /// 1 through 365."
    /// https://learn.microsoft.com/powershell/module/microsoftteams/remove-csphonenumberassignment
    public static let assignmentBlockDays = 1...365

    public static func check(_ step: ApplyStep) throws(ApplyRefusal) {
        let number = TextEscaping.terminal(step.number)
        if step.targetKind == .policy {
            // A shared-calling number is held by a policy instance (`PolicyAssigned`), not by a user
            // or resource account: it is never an `-Identity` / `assignmentTargetId`.
            // https://learn.microsoft.com/microsoftteams/shared-calling-setup
            throw ApplyRefusal("\(number): the number is held by a policy (shared calling), not by an identity; ddi does not "
                + "change policy-held numbers. Change the shared-calling policy in Teams, then pull a new snapshot and make a new plan")
        }
        if let days = step.assignmentBlockDays {
            guard assignmentBlockDays.contains(days) else {
                throw ApplyRefusal("\(number): an assignment block of \(days) day(s) is outside 1...365, the range Teams accepts; nothing was changed")
            }
            guard step.targetKind != .conferenceBridge else {
                throw ApplyRefusal("\(number): Unregister-CsOnlineDialInConferencingServiceNumber has no assignment block; nothing was changed")
            }
        }
        if step.targetKind == .conferenceBridge, step.changesCategory {
            throw ApplyRefusal("\(number): a conference number has no assignment category to change; nothing was changed")
        }
    }
}
