import ArgumentParser
import DDIApply
import DDIKit
import DDIPlan
import Foundation

/// Asking before an apply that has no saved plan to pin the review.
extension ApplyCommand {
    func confirm(_ plan: Plan) throws {
        if yes { return }
        guard isatty(0) != 0 else {
            throw ApplyRefusal("no plan file and no terminal to confirm on: pass --yes, or apply a plan saved with ddi plan --out")
        }
        print("Apply \(plan.actions.count == 1 ? "this change" : "these \(plan.actions.count) changes")? Only 'yes' is accepted: ", terminator: "")
        fflush(nil)
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            throw ApplyRefusal("not confirmed; nothing was applied")
        }
    }
}
