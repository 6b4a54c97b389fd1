import ArgumentParser
import DDIEdit
import DDIKit

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Put assigned numbers in quarantine from today.",
        discussion: """
        The entry keeps its number and becomes 'status: quarantine' with 'since: TODAY'. The fields that \
        describe the assignment (kind, assigned_to, department, routing, license, tags, reviewed, ...) are \
        removed; the note records who held the number; owner stays unless it was the person.

        Exit status: 0 done, 1 refused, 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var edit: EditOptions

    @Argument(help: ArgumentHelp("The numbers to release (+E164, optionally ;ext=N).", valueName: "NUMBER"))
    var numbers: [String]

    func run() throws {
        let parsed = try numbers.map(EditCommandSupport.number)
        try EditCommandSupport.run(inventory, edit) { try Lifecycle.release(parsed, in: $0) }
    }
}
