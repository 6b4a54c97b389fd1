import ArgumentParser
import DDIKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print a rule's rationale and examples (ddi explain DDI003), or list the rules."
    )

    @OptionGroup var start: DirectoryOption

    @Argument(help: "A rule ID such as DDI003; without it, every rule is listed.", completion: .list(RuleCatalog.ids))
    var ruleID: String?

    func run() throws {
        guard let ruleID else {
            for rule in RuleCatalog.all {
                print("\(rule.id)  \(rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.title)")
            }
            return
        }
        guard let rule = RuleCatalog.rule(id: ruleID) else {
            let hint = DidYouMean.hint(for: ruleID, among: RuleCatalog.ids)
            throw ValidationError("unknown rule '\(TextEscaping.terminal(ruleID))'\(hint); 'ddi explain' lists them")
        }
        print(RuleExplanation(rule: rule).text, terminator: "")
    }
}
