import ArgumentParser
import DDIEdit
import DDIKit
import Foundation

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
            print(options.colors.painter().unifiedDiff(TextEscaping.terminalLines(outcome.diff)), terminator: "")
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
            printError("note: the inventory already had \(Wording.counted(result.preexistingErrors.count, "error")) before this edit (see ddi validate); the edit adds none")
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
        try DateArgument.day(text, option: option)
    }
}
