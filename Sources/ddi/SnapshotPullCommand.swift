import ArgumentParser
import DDIApply
import DDIKit
import Foundation

struct SnapshotPullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Read every number assignment and the directory from Microsoft Graph into a snapshot directory.",
        discussion: """
        Writes number-assignments.json (a Graph numberAssignments page), users.json (the directory) and \
        .ddi-pull.json (what pull wrote, with sha256s) into DIR; ddi plan --live DIR reads them. Without \
        --out, DIR is the `live:` directory of ddi.yaml (which must be inside the inventory root); with \
        --out no inventory is needed. DIR is replaced as a whole, so pull writes only into a directory \
        that is missing, empty, or holds nothing but snapshot exports and files an earlier pull wrote: \
        a directory with ddi.yaml, .git, YAML files, subdirectories, symlinks or any other file is \
        refused and left untouched.

        Credentials come from DDI_GRAPH_TENANT_ID, DDI_GRAPH_CLIENT_ID, DDI_GRAPH_CLIENT_SECRET \
        (DDI_GRAPH_BASE_URL and DDI_LOGIN_BASE_URL override the endpoints).

        Exit status: 0 written, 1 refused or failed, 64 usage.
        """
    )

    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in DIR: the inventory root is found by walking up from there, and --out is read from there.", valueName: "DIR"),
            completion: .directory)
    var directory: String?

    @Option(help: ArgumentHelp("The snapshot directory to write (default: `live:` in ddi.yaml).", valueName: "DIR"), completion: .directory)
    var out: String?

    func run() throws {
        // The process is already in the -C directory (`StartDirectory`).
        let base = FileManager.default.currentDirectoryPath
        let (target, shown) = try destination(base: base)
        // Refuse a bad destination before asking for credentials or calling Graph.
        _ = try PullDestination.check(target, base: base)
        let configuration = try GraphConfiguration.fromEnvironment(ProcessInfo.processInfo.environment)
        let client = GraphClient(configuration: configuration)
        let summary = try SnapshotPuller.pull(client: client, outDirectory: target, base: base)
        print("Wrote \(TextEscaping.terminal(shown)): \(Wording.counted(summary.numbers, "number")), \(Wording.counted(summary.users, "account")).")
        if let leftover = summary.leftover {
            StandardError.write("ddi snapshot pull: files appeared in the old snapshot directory during the pull; they were kept in \(TextEscaping.terminal(leftover))\n")
        }
    }

    /// Where to write, and how to name it: --out as given, else `live:` of the inventory found
    /// from `base`, named relative to the inventory root.
    private func destination(base: String) throws(ApplyRefusal) -> (target: String, shown: String) {
        if let out { return (out, out) }
        let root: String
        do {
            root = try InventoryLoader.findRoot(from: base)
        } catch {
            throw ApplyRefusal("no --out given and no inventory to take `live:` from: \(TextEscaping.terminal("\(error)"))")
        }
        let target = try PullDestination.configuredLive(root: root)
        return (target, target.hasPrefix(root + "/") ? String(target.dropFirst(root.count + 1)) : target)
    }
}

extension SnapshotPullCommand: NamesItselfInErrors {
    static let errorPrefix = "ddi snapshot pull: "
}
