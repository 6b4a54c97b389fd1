import ArgumentParser
import DDIEdit
import DDIKit

struct OffboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offboard",
        abstract: "Release every number assigned to an identity and list them.",
        discussion: """
        Each number goes to quarantine as with 'ddi release'. Routing entries and numbers that still name \
        the identity (queue agent, resource account, owner) are listed on standard error for a person to \
        decide. An identity with no numbers is not an error.
        Exit status: 0 done, 1 refused, 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var edit: EditOptions

    @Argument(help: ArgumentHelp("The leaver's Teams identity.", valueName: "UPN"))
    var identity: String

    func run() throws {
        try EditCommandSupport.run(inventory, edit) { workspace in
            let result = try Lifecycle.offboard(identity, in: workspace)
            if result.numbers.isEmpty { EditCommandSupport.printError("no numbers are assigned to \(identity)") }
            return result
        }
    }
}
