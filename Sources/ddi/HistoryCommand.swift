import ArgumentParser
import DDIGit
import DDIKit
import Foundation

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every commit that changed a number's declaration, with fields before → after.",
        discussion: """
        Follows the number across files, renames and block splits, and through merges. Oldest first; \
        --reverse puts the newest first. A cache in .ddi/cache/ (written by ddi audit) makes repeated \
        queries fast; deleting it never changes an answer.
        """
    )

    @OptionGroup var inventory: UndatedInventoryOptions

    @Argument(help: "The number, e.g. +4533121042 (or +4538401100;ext=21).")
    var number: String

    @Option(help: ArgumentHelp("Read history from this revision.", valueName: "REV"))
    var rev = "HEAD"

    @Flag(help: "Newest first.")
    var reverse = false

    @Option(help: "Output format.")
    var format: HistoryFormat = .text

    @Flag(help: "Neither read nor write .ddi/cache/.")
    var noCache = false

    func run() throws {
        let parsed: PhoneNumber
        switch PhoneNumber.parse(Substring(number.trimmingCharacters(in: .whitespaces))) {
        case .success(let value): parsed = value
        case .failure(let error): throw ValidationError(TextEscaping.terminal(error.message))
        }
        let root = try inventory.inventoryRoot()
        let history = try GitCommandSupport.open(root: root, useCache: !noCache)
        let tip = try GitCommandSupport.resolve(rev, in: history)
        var events = try ProgressNotice.around("ddi history: reading the git history (a first run fills .ddi/cache/)") {
            try GitCommandSupport.run { try history.history(of: parsed, from: tip) }
        }
        if reverse { events.reverse() }
        let numberHistory = NumberHistory(number: parsed, revision: rev, events: events, newestFirst: reverse)
        print(try HistoryRenderer().render(numberHistory, as: format), terminator: "")
    }
}
