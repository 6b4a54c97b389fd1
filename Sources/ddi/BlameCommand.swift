import ArgumentParser
import DDIGit
import DDIKit
import Foundation

struct BlameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blame",
        abstract: "Line blame of an inventory file, each line tagged with the number, range or routing entry it belongs to."
    )

    @OptionGroup var inventory: UndatedInventoryOptions

    @Argument(help: ArgumentHelp("An inventory file: a path on disk, relative to the current directory (or to -C DIR).", valueName: "FILE"), completion: .file(extensions: ["yaml", "yml"]))
    var file: String

    @Option(help: ArgumentHelp("Blame the file as of this revision.", valueName: "REV"))
    var rev = "HEAD"

    @Option(help: "Output format.")
    var format: HistoryFormat = .text

    func run() throws {
        let root = try inventory.inventoryRoot()
        let history = try GitCommandSupport.open(root: root, useCache: false)
        let tip = try GitCommandSupport.resolve(rev, in: history)
        let lines = try GitCommandSupport.run { () -> [BlameLine] in
            let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
            let repositoryPath = try RevisionInventory.repositoryPath(of: absolute, in: history.repository)
            let inventoryPath = history.prefix.isEmpty ? repositoryPath
                : (repositoryPath.hasPrefix(history.prefix + "/") ? String(repositoryPath.dropFirst(history.prefix.count + 1)) : repositoryPath)
            return try InventoryBlame.blame(history, repositoryPath: repositoryPath, inventoryPath: inventoryPath, at: tip, label: rev)
        }
        print(try BlameLinesRenderer().render(lines, as: format), terminator: "")
    }
}
