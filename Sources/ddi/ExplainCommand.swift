import ArgumentParser
import DDIKit
import DDIPlan

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a rule's or preflight check's rationale and examples (ddi explain DDI003, ddi explain PF001), or list them."
    )

    @OptionGroup var start: DirectoryOption

    @Argument(help: "A rule ID such as DDI003 or a preflight check ID such as PF001; without it, every rule and check is listed.",
              completion: .list(RuleCatalog.ids + PreflightCheckIDs.all))
    var ruleID: String?

    func run() throws {
        guard let ruleID else {
            for rule in RuleCatalog.all {
                print("\(rule.id)  \(rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.title)")
            }
            // Preflight checks run in `ddi plan` on the snapshot; `rules:` in ddi.yaml sets theirs too.
            for check in PreflightCatalog.all {
                print("\(check.id)   \(check.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(check.title) (preflight)")
            }
            return
        }
        if let check = PreflightCatalog.check(id: ruleID) {
            print(PreflightExplanation(check: check).text, terminator: "")
            return
        }
        guard let rule = RuleCatalog.rule(id: ruleID) else {
            let hint = DidYouMean.hint(for: ruleID, among: RuleCatalog.ids + PreflightCatalog.ids)
            throw ValidationError("unknown rule '\(TextEscaping.terminal(ruleID))'\(hint); 'ddi explain' lists them")
        }
        print(RuleExplanation(rule: rule).text, terminator: "")
    }
}
