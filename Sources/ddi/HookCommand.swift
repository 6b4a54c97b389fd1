import ArgumentParser
import DDIGit
import DDIKit
import Foundation

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install the git hook that writes ddi's commit message for commits made with git.",
        subcommands: [HookInstallCommand.self, HookPrepareCommitMessageCommand.self]
    )
}

struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write a prepare-commit-msg hook that fills the message when the staged change touches the inventory.",
        discussion: """
        The hook runs this ddi by its absolute path (as installed now), else 'ddi' on PATH; without ddi, \
        or when ddi fails, the commit goes ahead with git's message. An existing hook is never \
        overwritten: --force moves it to prepare-commit-msg.ddi-backup first. core.hooksPath is honoured.

        Exit status: 0 installed (or already installed), 1 refused, 64 usage.
        """
    )

    @OptionGroup var inventory: UndatedInventoryOptions

    @Flag(help: "Move an existing prepare-commit-msg hook aside (kept as a backup) and install.")
    var force = false

    func run() throws {
        let root = try inventory.inventoryRoot()
        try GitCommandSupport.run {
            let repository = try GitRepository.discover(from: root)
            let prefix = try RevisionInventory.prefix(of: root, in: repository)
            let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
            let installed = try CommitHook.install(in: repository, ddiPath: executable, inventoryPath: prefix, force: force)
            if let backup = installed.backup {
                FileHandle.standardError.write(Data("moved the existing hook to \(TextEscaping.terminal(backup))\n".utf8))
            }
            print("\(installed.unchanged ? "already installed" : "installed"): \(TextEscaping.terminal(installed.path))")
        }
    }
}

/// What the installed hook runs; git passes the message file, its source and a commit id.
struct HookPrepareCommitMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare-commit-msg",
        abstract: "Fill a commit message file (run by the hook from 'ddi hook install').",
        discussion: "Never fails a commit: problems are reported on standard error and the file is left as it was.",
        shouldDisplay: false
    )

    @OptionGroup var inventory: UndatedInventoryOptions

    @Argument(help: "The commit message file.")
    var file: String

    @Argument(help: "Where the message came from: message, template, merge, squash or commit.")
    var source: String?

    @Argument(help: "The commit id (for commit sources).")
    var commit: String?

    func run() throws {
        do {
            // Not `StartsInDirectory`: git runs the hook in the work tree's top directory and passes
            // FILE relative to it; -C names only where the inventory is, as hooks installed by
            // earlier versions of ddi pass it.
            let root = try InventoryLoader.findRoot(from: inventory.directory ?? FileManager.default.currentDirectoryPath)
            let committer = try InventoryCommitter(inventoryRoot: root)
            let indexFile = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"].flatMap { $0.isEmpty ? nil : $0 }
            let pending = try committer.pending(indexPath: indexFile)
            let url = URL(fileURLWithPath: file)
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            guard let filled = CommitMessageFile.fill(text, source: source, pending: pending) else { return }
            try Data(filled.utf8).write(to: url, options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("ddi hook: message left as git wrote it: \(TextEscaping.terminal("\(error)"))\n".utf8))
        }
    }
}
