import Foundation

/// A provider that writes a script for a person to run later (PowerShell). It implements only how
/// the steps read as a script; the shared part writes the file atomically, and a refusal means
/// nothing was written.
public protocol ScriptProvider: ApplyProvider {
    /// How the user runs the script, for the summary ("Run it in a session with …").
    static var nextStep: String { get }
    /// The whole script for `steps`, stamped with the plan checksum.
    func script(for steps: [ApplyStep], checksum: String) throws(ApplyRefusal) -> String
}

extension ScriptProvider {
    public static var holdsApplyLock: Bool { false }
    public static var writesScript: Bool { true }

    public func apply(_ steps: [ApplyStep], context: ApplyContext) throws(ApplyRefusal) -> ApplyReport {
        guard let path = context.output else { throw ApplyRefusal("--provider \(Self.name) needs a file to write its script to") }
        let script = try script(for: steps, checksum: context.checksum)
        do {
            try Data(script.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ApplyRefusal("cannot write \(path): \(error.localizedDescription)")
        }
        return ApplyReport(provider: Self.name, result: .scriptWritten(path: path, nextStep: Self.nextStep), total: steps.count)
    }
}
