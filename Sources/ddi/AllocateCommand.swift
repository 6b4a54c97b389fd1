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
        (else of the range, else the file declaring the range) unless --file says otherwise.
        Exit status: 0 done, 1 refused (range full, edit would make the inventory invalid), 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var edit: EditOptions

    @Option(name: .customLong("range"), help: ArgumentHelp("The range to take numbers from.", valueName: "ID"))
    var rangeID: String

    @Option(help: "How many numbers to take.")
    var count = 1

    @Option(help: ArgumentHelp("The Teams identity that gets the numbers.", valueName: "UPN"))
    var assignedTo: String

    @Option(help: ArgumentHelp("user, vip, auto-attendant, call-queue, resource, conference, campaign, test or device.", valueName: "KIND"))
    var kind: String

    @Option(help: ArgumentHelp("The accountable person, department or function.", valueName: "OWNER"))
    var owner: String

    @Option(help: "The department, written to the entries.")
    var department: String?

    @Option(help: ArgumentHelp("Teams assignment category: primary, private or alternate.", valueName: "CATEGORY"))
    var category: String?

    @Option(help: "A note written to the entries.")
    var note: String?

    @Option(help: ArgumentHelp("The inventory file (relative to the root) to add the entries to.", valueName: "PATH"))
    var file: String?

    func run() throws {
        let kind = try EditCommandSupport.choice(kind, option: "--kind", as: NumberKind.self)
        let category = try category.map { try EditCommandSupport.choice($0, option: "--category", as: AssignmentCategory.self) }
        let request = AllocationRequest(
            rangeID: rangeID, count: count, assignedTo: assignedTo, kind: kind, owner: owner,
            department: department, category: category, note: note, file: file
        )
        try EditCommandSupport.run(inventory, edit, printNumbersOnly: true) { try Lifecycle.allocate(request, in: $0) }
    }
}
