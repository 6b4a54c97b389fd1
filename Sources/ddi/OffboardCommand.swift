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
        decide. An identity that neither the inventory nor the directory export (--live, else `live:` in \
        ddi.yaml) names is refused as unknown, with the closest known identity; a known identity with no \
        numbers is not an error.

        Exit status: 0 done, 1 refused (unknown identity included), 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var edit: EditOptions

    @Argument(help: ArgumentHelp("The leaver's Teams identity.", valueName: "UPN"))
    var identity: String

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories with the directory export (default: `live:` in ddi.yaml, when it exists).", valueName: "PATH"),
            completion: .file())
    var live: [String] = []

    func run() throws {
        let root = try inventory.inventoryRoot()
        try EditCommandSupport.run(inventory, edit) { workspace in
            let tenant = try EditSnapshot.load(given: live, root: root, configuredLive: workspace.inventory.config.live)
            let result = try Lifecycle.offboard(identity, in: workspace, directory: tenant?.directory ?? [])
            if result.numbers.isEmpty { EditCommandSupport.printError("no numbers are assigned to \(TextEscaping.terminal(identity))") }
            return result
        }
    }
}
