import ArgumentParser
import DDIGit
import DDIKit
import Foundation

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "One row per declared number: status, owner, review, last change (commit, author, date) and flags.",
        discussion: """
        The evidence for an access review (ISO 27001 A.5.18, NIS2 art. 21): reads the committed \
        inventory at --rev and its whole git history. "Last change" is the last commit that changed the \
        entry's declaration (not a line blame). Flags: stale-review, expired-reservation, quarantine-over, \
        and with --live a disabled-account or deleted-account holding a number.
        """
    )

    @OptionGroup var inventory: InventoryOptions

    @Option(help: ArgumentHelp("Audit the inventory as of this revision.", valueName: "REV"))
    var rev = "HEAD"

    @Option(help: "Output format.")
    var format: AuditFormat = .text

    @Option(help: ArgumentHelp("A directory export (Get-CsOnlineUser, JSON or CSV) to flag numbers held by disabled or deleted accounts.", valueName: "PATH"), completion: .file())
    var live: String?

    @Flag(help: "Neither read nor write .ddi/cache/.")
    var noCache = false

    func run() throws {
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        let accounts = try live.map { try LiveAccountsReader.read(path: $0) }
        let history = try GitCommandSupport.open(root: root, useCache: !noCache)
        let tip = try GitCommandSupport.resolve(rev, in: history)
        let report = try ProgressNotice.around("ddi audit: reading the git history (a first run fills .ddi/cache/)") {
            try GitCommandSupport.run { try Audit.run(history, at: tip, label: rev, today: today, accounts: accounts) }
        }
        try AuditRenderer().write(report, as: format, to: StandardOutput.write)
    }
}
