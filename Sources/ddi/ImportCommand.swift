import ArgumentParser
import DDIKit
import DDIPlan
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a new inventory that declares what a live snapshot holds.",
        discussion: """
        Ranges are inferred from contiguous runs of numbers per country and number type; assigned \
        numbers are declared with assigned_to and owner set to the holder's UPN and a kind taken from \
        the assignment status and the directory. `ddi plan` of the result against the same snapshot \
        has no actions. Review owners, departments and routing before committing, and add reviewed: \
        dates (ddi validate warns until then).

        Exit status: 0 written, 1 the snapshot cannot be read or imported, 64 usage (e.g. DIR already \
        holds an inventory).
        """
    )

    @OptionGroup var start: DirectoryOption

    @Option(name: .customLong("live"), parsing: .upToNextOption,
            help: ArgumentHelp("Snapshot files or directories: numbers and directory exports.", valueName: "PATH"), completion: .file())
    var live: [String] = []

    @Option(help: ArgumentHelp("Directory to write the inventory to (created; must not hold a ddi.yaml).", valueName: "DIR"), completion: .directory)
    var out: String

    @Option(name: .customLong("group-by"), help: "One file per country, or per emergency location (site).")
    var grouping: ImportGrouping = .country

    @Option(help: ArgumentHelp("Tenant name for ddi.yaml (e.g. contoso.onmicrosoft.com).", valueName: "NAME"))
    var tenant: String?

    @Option(help: ArgumentHelp("The date written in the header comments (default: DDI_TODAY, else the clock).", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        guard !live.isEmpty else { throw ValidationError("pass the snapshot with --live PATH...") }
    }

    func run() throws {
        let day = try DateArgument.today(option: today)
        let target = URL(fileURLWithPath: out)
        if FileManager.default.fileExists(atPath: target.appendingPathComponent(Inventory.configFileName).path) {
            throw ValidationError("\(TextEscaping.terminal(out)) already holds an inventory (\(Inventory.configFileName)); choose a new directory")
        }
        let snapshot: LiveSnapshot
        do {
            snapshot = try SnapshotLoader.load(paths: live)
        } catch {
            StandardError.line(error.message)
            throw CommandRefusal("the snapshot cannot be read; nothing was written")
        }
        let imported: ImportedInventory
        do {
            imported = try InventoryImporter.build(snapshot, options: ImportOptions(grouping: grouping, tenant: tenant, liveDirectory: liveDirectory(inside: target), today: day))
        } catch {
            StandardError.line(error.description)
            throw CommandRefusal("nothing was written")
        }
        try write(imported, to: target)
        print("wrote \(imported.files.count) files to \(TextEscaping.terminal(out)): \(imported.ranges) ranges, \(imported.numbers) assigned numbers")
        // Paths as seen from where ddi was started (before any -C), quoted for a shell.
        let directories = StartDirectory.all(command: start.directory)
        let shownOut = StartDirectory.shown(out, through: directories)
        let liveWords = liveDirectory(inside: target) == nil ? ["--live"] + live.map { StartDirectory.shown($0, through: directories) } : []
        print("next: " + ShellWord.line(["ddi", "validate", "-C", shownOut]) + " && " + ShellWord.line(["ddi", "plan", "-C", shownOut] + liveWords))
    }

    private func write(_ imported: ImportedInventory, to target: URL) throws(CommandRefusal) {
        do {
            for file in imported.files {
                let url = target.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            throw CommandRefusal("cannot write to \(TextEscaping.terminal(out)): \(TextEscaping.terminal(error.localizedDescription))")
        }
    }

    /// When the snapshot is a single directory inside the new inventory, ddi.yaml points `live:` at it.
    private func liveDirectory(inside target: URL) -> String? {
        guard live.count == 1 else { return nil }
        let root = target.standardizedFileURL.path + "/"
        let path = URL(fileURLWithPath: live[0]).standardizedFileURL.path
        guard path.hasPrefix(root) else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return String(path.dropFirst(root.count)) + "/"
    }
}

extension ImportCommand: NamesItselfInErrors {
    static let errorPrefix = "ddi import: "
}

extension ImportGrouping: ExpressibleByArgument {}
