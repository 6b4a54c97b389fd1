import ArgumentParser
import DDIEdit
import DDIKit

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record that assignments were reviewed today ('reviewed: TODAY').",
        discussion: "Name the numbers, or give --owner to review every assigned or external number of that owner.\n\nExit status: 0 done, 1 refused, 64 usage."
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var edit: EditOptions

    @Argument(help: ArgumentHelp("The numbers that were reviewed.", valueName: "NUMBER"))
    var numbers: [String] = []

    @Option(help: "Review every assigned or external number with this owner.")
    var owner: String?

    func validate() throws {
        if numbers.isEmpty && owner == nil { throw ValidationError("name the numbers to review, or give --owner") }
    }

    func run() throws {
        let parsed = try numbers.map(EditCommandSupport.number)
        try EditCommandSupport.run(inventory, edit) { try Lifecycle.review(parsed, owner: owner, in: $0) }
    }
}
