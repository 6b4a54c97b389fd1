import ArgumentParser

/// Options of every command that edits the inventory.
struct EditOptions: ParsableArguments {
    @Flag(help: "Print the change as a unified diff instead of writing it.")
    var dryRun = false

    @Flag(help: "Commit the edit with the message 'ddi commit' writes (the inventory must have no uncommitted changes).")
    var commit = false

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if dryRun && commit { throw ValidationError("--dry-run writes nothing to commit: leave out one of --dry-run and --commit") }
    }
}
