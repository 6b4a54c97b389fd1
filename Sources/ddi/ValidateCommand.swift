import ArgumentParser
import DDIGit
import DDIKit
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the inventory against every rule (ddi explain ID tells more about a rule).",
        discussion: "Exit status: 0 clean (warnings allowed), 1 errors (or warnings with --strict), 64 usage."
    )

    @OptionGroup var inventory: InventoryOptions

    @Option(help: "Output format: github writes workflow annotations, sarif writes SARIF 2.1.0 for code scanning.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @OptionGroup var colors: ColorOptions

    @Option(help: ArgumentHelp("Also check lifecycle transitions (DDI014) against the inventory at this git revision, and the trailers of the commits since it (DDI015).", valueName: "REV"))
    var base: String?

    func run() throws {
        let today = try inventory.resolveToday()
        let root = try inventory.inventoryRoot()
        let loaded: LoadedInventory
        do {
            loaded = try InventoryLoader.load(root: root)
        } catch {
            throw ValidationError(TextEscaping.terminal("\(error)"))
        }
        // DDI015 reads every commit since the base; when it is off, that walk is skipped.
        let readCommits = loaded.inventory.config.ruleOverrides["DDI015"]?.value != .off
        let baseData = try base.map { try GitCommandSupport.base(root: root, revision: $0, readCommits: readCommits) }
        let report = Validator.validate(loaded, today: today, base: baseData?.inventory, commits: baseData?.commits)
        let prefix = format == .github || format == .sarif ? RepositoryPaths.prefixInsideRepository(root: root) : ""
        let text = try DiagnosticRenderer(pathPrefix: prefix).render(report, as: format)
        print(format == .text ? colors.painter().diagnostics(text) : text, terminator: "")
        // Exit here rather than return: releasing 100,000 entries one object at a time is work the
        // operating system does for free when the process ends (README "Performance").
        fflush(nil)
        Foundation.exit(report.exitCode(strict: strict))
    }
}
