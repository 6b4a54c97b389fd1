import DDIKit
import DDIPlan
import XCTest
@testable import DDIApply

/// `#Requires` names the highest module version any step needs, from the cmdlet pages' NOTES.
final class PowerShellModuleRequirementsTests: XCTestCase {
    static func requirements(_ actions: [PlanAction]) -> PowerShellModuleRequirements {
        PowerShellModuleRequirements(steps: ApplySteps.steps(for: PlanFixtures.plan(actions)))
    }

    static func action(_ kind: PlanActionKind, category: AssignmentCategory? = nil, blockDays: Int? = nil, changes: [PlanChange] = [.assignedTo],
                       location: String? = nil) -> PlanAction {
        var action = PlanFixtures.action(kind, "+4533121042", location: location,
                                         before: AssignmentState(status: "user-assigned", objectID: PlanFixtures.target), changes: changes)
        action.category = category
        action.assignmentBlockDays = blockDays
        return action
    }

    func testTheVersionIsTheHighestAnyStepNeeds() {
        // Get-CsPhoneNumberAssignment, read before every step: 4.0.0.
        XCTAssertEqual(Self.requirements([Self.action(.unassign)]).version.description, "4.0.0")
        XCTAssertEqual(Self.requirements([Self.action(.assign)]).version.description, "4.0.0")
        // -AssignmentCategory (private lines): 5.4.0; a location without -Identity: 5.4.0.
        XCTAssertEqual(Self.requirements([Self.action(.assign, category: .private)]).version.description, "5.4.0")
        XCTAssertEqual(Self.requirements([Self.action(.update, changes: [.locationID], location: "7f3c0d2e-5b8a-4c61-9e0f-2a4d6b1c8e30")])
            .version.description, "5.4.0")
        // -AssignmentBlockedDays: 7.5.0; -AssignmentCategory Alternate: 7.6.0.
        XCTAssertEqual(Self.requirements([Self.action(.unassign, blockDays: 30), Self.action(.assign, category: .private)]).version.description, "7.5.0")
        XCTAssertEqual(Self.requirements([Self.action(.unassign, blockDays: 30), Self.action(.assign, category: .alternate)]).version.description, "7.6.0")
        XCTAssertEqual(Self.requirements([Self.action(.assign, category: .alternate)]).requiresLine,
                       "#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '7.6.0' }")
    }

    /// The module version that renamed -PhoneNumber to -TelephoneNumber is not documented: the
    /// script checks every parameter it uses before its first step.
    func testEveryParameterTheScriptUsesIsChecked() {
        let requirements = Self.requirements([Self.action(.unassign, blockDays: 30), Self.action(.assign, category: .primary)])
        XCTAssertEqual(requirements.parameters.map { "\($0.cmdlet) -\($0.name)" }, [
            "Get-CsPhoneNumberAssignment -TelephoneNumber",
            "Remove-CsPhoneNumberAssignment -Identity", "Remove-CsPhoneNumberAssignment -TelephoneNumber",
            "Remove-CsPhoneNumberAssignment -NumberType", "Remove-CsPhoneNumberAssignment -AssignmentBlockedDays",
            "Set-CsPhoneNumberAssignment -Identity", "Set-CsPhoneNumberAssignment -TelephoneNumber", "Set-CsPhoneNumberAssignment -NumberType",
            "Set-CsPhoneNumberAssignment -AssignmentCategory",
        ])
    }
}
