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

    /// The commit whose subject starts with `subject`.
    static func commit(_ subject: String) throws -> String {
        let log = try git("log", "--format=%H %s")
        let line = log.split(separator: "\n").first { $0.dropFirst(41).hasPrefix(subject) }
        return String(try XCTUnwrap(line).prefix(40))
    }
}
