import Foundation

/// The git command line, for tests that build repositories or read them back the way a person
/// would. Output is read before waiting so a large one cannot block the child.
public enum GitCommandLine {
    /// Runs `git ARGUMENTS` in `directory` with the environment changed by `setting` and
    /// `removing`; returns standard output, or throws with git's standard error.
    public static func run(_ arguments: [String], in directory: URL, setting: [String: String] = [:],
                           removing: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        for key in removing { environment.removeValue(forKey: key) }
        for (key, value) in setting { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "git", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
