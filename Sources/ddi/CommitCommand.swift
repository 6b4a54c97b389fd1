import ArgumentParser
import DDIGit
import DDIKit
import Foundation

struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Commit the staged inventory change with a message that says what happened to each number.",
        discussion: """
        The message is built from the semantic diff (as 'ddi diff'): a subject in words ('Assign \
        +4533121047 to ida.poulsen@contoso.com'), one line per changed number, range or routing entry, and \
        trailers 'Number: +E164' / 'Range: ID' / 'Routing: ID' that plain 'git log' can search. -m TEXT \
        adds your own words below the subject. The index is committed as staged (like 'git commit'); -a \
        first stages every inventory file as it is on disk. Author and committer: GIT_AUTHOR_* / \
        GIT_COMMITTER_* variables, else git config user.name / user.email. Git hooks do not run.

        Exit status: 0 committed, 1 refused (nothing staged, no identity, merge in progress), 64 usage.
        """
    )

    @OptionGroup var inventory: UndatedInventoryOptions

    @Flag(name: [.customShort("a"), .customLong("all")], help: "Stage every inventory change (new, changed and deleted files) first.")
    var all = false

    @Option(name: [.customShort("m"), .customLong("message")], help: ArgumentHelp("Your own words, written below the generated subject.", valueName: "TEXT"))
    var message: String?

    @Flag(help: "Print the message instead of committing (nothing is staged or written).")
    var dryRun = false

    func validate() throws {
        if all && dryRun { throw ValidationError("--dry-run stages nothing: leave out -a, or stage with git add first") }
    }

    func run() throws {
        let root = try inventory.inventoryRoot()
        try GitCommandSupport.run {
            let committer = try InventoryCommitter(inventoryRoot: root)
            if dryRun {
                let pending = try committer.pending()
                print(pending.message(note: message).text, terminator: "")
                return
            }
            let identity = try GitIdentity.resolve(for: committer.repository)
            if all { try committer.stageAll() }
            let pending = try committer.pending()
            if pending.changesNothing { throw InventoryCommitError.nothingStaged }
            guard pending.touchesInventory else {
                FileHandle.standardError.write(Data("error: the staged change touches no inventory file: commit it with git commit\n".utf8))
                throw ExitCode(1)
            }
            let built = pending.message(note: message)
            let oid = try committer.commit(pending, message: built, identity: identity)
            print("[\(oid.short(7))] \(TextEscaping.terminal(built.subject))")
        }
    }
}
