import ArgumentParser
import DDIEdit
import DDIGit
import DDIKit
import Foundation

/// Options of every command that edits the inventory.
struct EditOptions: ParsableArguments {
    @Flag(help: "Print the change as a unified diff instead of writing it.")
    var dryRun = false

    @Flag(help: "Commit the edit with the message 'ddi commit' writes (the inventory must have no uncommitted changes).")
    var commit = false

    func validate() throws {
        if dryRun && commit { throw ValidationError("--dry-run writes nothing to commit: leave out one of --dry-run and --commit") }
    }
}

/// The shared run of allocate, release, reserve, review and offboard: lock, edit, validate, write,
/// then tell the user what happened. Exit status: 0 done, 1 refused, 64 usage (`EditError.exitStatus`).
enum EditCommandSupport {
    static func run(_ inventory: InventoryOptions, _ options: EditOptions, printNumbersOnly: Bool = false,
                    _ edit: (EditWorkspace) throws -> EditResult) throws {
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        let commit = options.commit ? try EditCommit.prepare(root: root) : nil
        // A refusal (`EditError`, a DDIError) goes to `CommandFailure`, which prints and exits.
        let outcome = try EditRunner.run(root: root, today: today, dryRun: options.dryRun, edit)
        let result = outcome.result
        if options.dryRun {
            // The diff shows inventory lines, each escaped as a line of its own.
            print(TextEscaping.terminalLines(outcome.diff), terminator: "")
            for action in result.actions { printError("would do: \(TextEscaping.terminal("\(action)"))") }
        } else if printNumbersOnly {
            for number in result.numbers { print(number) }
        } else {
            for action in result.actions { print(TextEscaping.terminal("\(action)")) }
        }
        for notice in result.notices { printError("check: \(TextEscaping.terminal("\(notice)"))") }
        for warning in result.newWarnings {
            printError(TextEscaping.terminal("\(warning.location): warning[\(warning.ruleID)]: \(warning.message)"))
        }
        if !result.preexistingErrors.isEmpty {
            printError("note: the inventory already had \(result.preexistingErrors.count) error(s) before this edit (see ddi validate); the edit adds none")
        }
        if !options.dryRun && outcome.wrote {
            printError("wrote \(TextEscaping.terminal(result.changes.map(\.path).sorted().joined(separator: ", ")))")
            try commit?.finish(paths: result.changes.map(\.path))
        }
    }

    static func printError(_ text: String) {
        StandardError.line(text)
    }

    static func number(_ text: String) throws -> PhoneNumber {
        try Lifecycle.parseNumber(text) // EditError.invalidArgument: a usage error (64)
    }

    /// A value of one of the inventory's vocabularies, with the choices in the message.
    static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String, option: String, as type: Choice.Type) throws -> Choice where Choice.RawValue == String {
        guard let value = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue)
            throw ValidationError("\(option) must be one of \(names.joined(separator: ", ")), found '\(TextEscaping.terminal(text))'\(DidYouMean.hint(for: text, among: names))")
        }
        return value
    }

    static func day(_ text: String, option: String) throws -> Day {
        guard let day = Day(iso: text) else { throw ValidationError("\(option) must be a date YYYY-MM-DD, found '\(TextEscaping.terminal(text))'") }
        return day
    }
}

/// `--commit`: checked before the edit (identity, nothing uncommitted), committed after it.
struct EditCommit {
    let committer: InventoryCommitter
    let identity: GitIdentity

    static func prepare(root: String) throws -> EditCommit {
        try GitCommandSupport.run {
            let committer = try InventoryCommitter(inventoryRoot: root)
            let identity = try GitIdentity.resolve(for: committer.repository)
            let uncommitted = try committer.uncommittedPaths()
            if !uncommitted.isEmpty { throw InventoryCommitError.notClean(paths: uncommitted) }
            return EditCommit(committer: committer, identity: identity)
        }
    }

    /// Stages the files the edit wrote and commits them.
    func finish(paths: [String]) throws {
        try GitCommandSupport.run {
            try committer.stage(paths: paths)
            let pending = try committer.pending()
            let message = pending.message()
            let oid = try committer.commit(pending, message: message, identity: identity)
            EditCommandSupport.printError("committed \(oid.short(7)): \(TextEscaping.terminal(message.subject))")
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
