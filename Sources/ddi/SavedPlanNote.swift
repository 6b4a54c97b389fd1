import DDIApply
import DDIPlan
import Foundation

/// What `ddi plan --out FILE` tells on standard error: where the plan went and the command that
/// applies it (with the same -C and --live, so that apply plans again from the same inputs).
enum SavedPlanNote {
    /// `directories`: every `-C` given, in order; `out` and `live` as given (relative to the last).
    static func text(plan: Plan, out: String, directories: [String], live: [String]) -> String {
        let shown = ShellWord.quoted(StartDirectory.shown(out, through: directories))
        if plan.hasErrors {
            return "saved the plan to \(shown); it has error findings, so ddi apply refuses it until they are fixed\n"
        }
        guard plan.hasChanges else { return "saved the plan to \(shown); it has no changes, so there is nothing to apply\n" }
        let start = ["ddi"] + directories.flatMap { ["-C", $0] } + ["apply", out] + (live.isEmpty ? [] : ["--live"] + live)
        var lines = ["saved the plan to \(shown)"]
        for (index, provider) in ApplyProviders.all.enumerated() {
            let options = ["--provider", provider.name] + (provider.writesScript ? ["--script-out", "apply.ps1"] : [])
            lines.append((index == 0 ? "apply it with: " : "           or: ") + ShellWord.line(start + options))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension StartDirectory {
    /// `path` as seen from where ddi was started, given the `-C` directories it changed through.
    static func shown(_ path: String, through directories: [String]) -> String {
        var shown = path
        for directory in directories.reversed() where !shown.hasPrefix("/") {
            shown = directory == "." ? shown : (directory.hasSuffix("/") ? directory : directory + "/") + shown
        }
        return shown
    }

    /// Every `-C` of this run: those before the subcommand, then the subcommand's own.
    static func all(command directory: String?) -> [String] {
        leading(in: CommandLine.arguments.dropFirst()).directories + (directory.map { [$0] } ?? [])
    }
}
