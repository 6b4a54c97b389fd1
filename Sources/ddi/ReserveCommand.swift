import ArgumentParser
import DDIEdit
import DDIKit

struct ReserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reserve",
        abstract: "Reserve a free number or block until a date.",
        discussion: """
        Every number must be free (undeclared or declared 'status: free'; free blocks are split around the \
        reservation). Reserving exactly an existing reservation again changes its date and reason.

        Exit status: 0 done, 1 refused, 64 usage.
        """
    )

    @OptionGroup var inventory: InventoryOptions
    @OptionGroup var edit: EditOptions

    @Argument(help: ArgumentHelp("A number or a block FIRST..LAST.", valueName: "NUMBER|A..B"))
    var span: String

    @Option(help: ArgumentHelp("The last day of the reservation.", valueName: "YYYY-MM-DD"))
    var until: String

    @Option(help: ArgumentHelp("Why the numbers are kept.", valueName: "TEXT"))
    var reason: String

    @Option(help: ArgumentHelp("Who asked for the reservation.", valueName: "OWNER"))
    var owner: String?

    @Option(help: ArgumentHelp("The inventory file (relative to the inventory root) for the reservation.", valueName: "PATH"),
            completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    func run() throws {
        let parsedSpan: NumberSpan
        do { parsedSpan = try Lifecycle.parseSpan(span) } catch { throw ValidationError(TextEscaping.terminal("\(error)")) }
        let request = ReservationRequest(
            span: parsedSpan, until: try EditCommandSupport.day(until, option: "--until"),
            reason: reason, owner: owner, file: file
        )
        try EditCommandSupport.run(inventory, edit) { try Lifecycle.reserve(request, in: $0) }
    }
}
