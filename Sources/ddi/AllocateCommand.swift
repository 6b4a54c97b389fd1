import ArgumentParser
import DDIEdit
import DDIKit

struct AllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Assign the lowest free numbers of a range and print them.",
        discussion: """
        Free means: declared by no entry, declared 'status: free', or in a quarantine that is over. Numbers \
        in quarantine, reserved, external or retired are never taken; a free block is split as needed. \
        The new entries go to the file that already holds the range's numbers of the same department \
        (else of the range, else the file declaring the range) unless --file says otherwise; with \
        --routing, the file declaring the routing entry.

        --routing ID allocates a number of an auto attendant or call queue: the kind and the resource \
        account come from the routing entry. With a live snapshot (--live, else `live:` in ddi.yaml), \
        a Calling Plan or Operator Connect range gives only numbers the tenant holds unassigned, and an \
        identity missing from the directory export is a warning (a new hire may not be exported yet).

        Exit status: 0 done, 1 refused (range full, edit would make the inventory invalid), 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var edit: EditOptions

    @Option(name: .customLong("range"), help: ArgumentHelp("The range to take numbers from.", valueName: "ID"))
    var rangeID: String

    @Option(help: ArgumentHelp("How many numbers to take.", valueName: "N"))
    var count = 1

    @Option(help: ArgumentHelp("The Teams identity that gets the numbers (default with --routing: its resource account).", valueName: "UPN"))
    var assignedTo: String?

    @Option(help: ArgumentHelp("What the numbers are for (default with --routing: its type).", valueName: "KIND"),
            completion: .list(NumberKind.allCases.map(\.rawValue)))
    var kind: String?

    @Option(help: ArgumentHelp("The auto attendant or call queue (routing entry) the numbers serve.", valueName: "ID"))
    var routing: String?

    @Option(help: ArgumentHelp("The accountable person, department or function.", valueName: "OWNER"))
    var owner: String

    @Option(help: ArgumentHelp("The department, written to the entries.", valueName: "NAME"))
    var department: String?

    @Option(help: ArgumentHelp("Teams assignment category.", valueName: "CATEGORY"),
            completion: .list(AssignmentCategory.allCases.map(\.rawValue)))
    var category: String?

    @Option(help: ArgumentHelp("A note written to the entries.", valueName: "TEXT"))
    var note: String?

    @Option(help: ArgumentHelp("The inventory file (relative to the inventory root) to add the entries to.", valueName: "PATH"),
            completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories (default: `live:` in ddi.yaml, when it exists).", valueName: "PATH"),
            completion: .file())
    var live: [String] = []

    func validate() throws {
        if routing == nil, assignedTo == nil || kind == nil {
            throw ValidationError("give --assigned-to and --kind, or --routing ID for an auto attendant or call queue")
        }
    }

    func run() throws {
        let chosenKind = try kind.map { try EditCommandSupport.choice($0, option: "--kind", as: NumberKind.self) }
        let category = try category.map { try EditCommandSupport.choice($0, option: "--category", as: AssignmentCategory.self) }
        let root = try inventory.inventoryRoot()
        var unknownHolder: String?
        try EditCommandSupport.run(inventory, edit, printNumbersOnly: true) { workspace in
            let tenant = try EditSnapshot.load(given: live, root: root, configuredLive: workspace.inventory.config.live)
            let target = try routing.map { try Lifecycle.routingTarget($0, in: workspace) }
            guard let kind = chosenKind ?? target?.kind, let holder = assignedTo ?? target?.account else {
                throw ValidationError("routing \(TextEscaping.terminal(routing ?? "")) has no resource_account: give --assigned-to")
            }
            let request = AllocationRequest(
                rangeID: rangeID, count: count, assignedTo: holder, kind: kind, owner: owner,
                department: department, category: category, note: note, file: file,
                routing: routing, tenantHolds: tenant?.unassignedNumbers
            )
            if let tenant, tenant.hasDirectory, !tenant.directory.contains(where: { Identity.normalized($0) == Identity.normalized(holder) }) {
                unknownHolder = holder
            }
            return try Lifecycle.allocate(request, in: workspace)
        }
        if let unknownHolder {
            EditCommandSupport.printError("warning: \(TextEscaping.terminal(unknownHolder)) is not in the directory export yet (new, or the export is older); ddi plan reports the number as unresolved until the directory is exported again")
        }
    }
}
