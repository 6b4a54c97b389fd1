import ArgumentParser
import DDIGit
import DDIKit
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say per number what changed between two revisions (default: HEAD and the working tree).",
        discussion: """
        ddi diff                 HEAD → working tree
        ddi diff main            main → working tree
        ddi diff main HEAD       main → HEAD

        For a pull-request comment: ddi diff main HEAD --format markdown.
        """
    )

    @OptionGroup var inventory: UndatedInventoryOptions

    @Argument(help: "The revision to compare from (default: HEAD).")
    var base: String?

    @Argument(help: "The revision to compare to (default: the working tree).")
    var head: String?

    @Option(help: "Output format: markdown writes a pull-request comment.")
    var format: ChangeFormat = .text

    func run() throws {
        let root = try inventory.inventoryRoot()
        let history = try GitCommandSupport.open(root: root, useCache: false)
        let baseLabel = base ?? "HEAD"
        let baseOID = try GitCommandSupport.resolve(baseLabel, in: history)
        let headOID = try head.map { try GitCommandSupport.resolve($0, in: history) }
        let (old, new) = try GitCommandSupport.run { () -> (LoadedInventory, LoadedInventory) in
            let old = try history.inventory(at: baseOID, label: baseLabel)
            if let head, let headOID { return (old, try history.inventory(at: headOID, label: head)) }
            return (old, try InventoryLoader.load(root: root))
        }
        for (label, loaded) in [(baseLabel, old), (head ?? "the working tree", new)] {
            let errors = loaded.diagnostics.filter { $0.severity == .error }.count
            if errors > 0 {
                StandardError.line("warning: \(TextEscaping.terminal(label)) has \(errors) error\(errors == 1 ? "" : "s") (ddi validate lists them); entries that could not be read are left out")
            }
        }
        let diff = InventoryDiff(from: old.inventory, to: new.inventory)
        let renderer = InventoryDiffRenderer(baseLabel: baseLabel, headLabel: head ?? "working tree")
        print(try renderer.render(diff, as: format), terminator: "")
    }
}
