import Foundation
import XCTest

/// The demo history of examples/demo-history.sh, built once per test run in a temporary directory.
enum DemoRepository {
    private static let built: Result<String, Error> = Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-demo-\(UUID().uuidString)").path
        let process = Process()
        process.executableURL = CLIRunner.repositoryRoot.appendingPathComponent("examples/demo-history.sh")
        process.arguments = [directory]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory + "-home"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["DDI"] = try CLIRunner.executable.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, errors.isEmpty else {
            throw NSError(domain: "demo", code: 1, userInfo: [NSLocalizedDescriptionKey: "demo-history.sh failed: \(errors)"])
        }
        return directory
    }

    static var path: String { get throws { try built.get() } }

    static func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", try path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The newest commit with a message line (the generated subject, or the words given to
    /// `ddi commit -m`) that starts with `text`.
    static func commit(_ text: String) throws -> String {
        let log = try git("log", "--format=%x1e%H%n%B")
        let found = log.split(separator: "\u{1e}").first { record in
            record.split(separator: "\n").dropFirst().contains { $0.hasPrefix(text) }
        }
        return String(try XCTUnwrap(found, "no commit says '\(text)'").prefix(40))
    }
}
