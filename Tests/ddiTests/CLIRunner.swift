import Foundation
import XCTest

/// Runs the built `ddi` executable as a user would, capturing its output and exit status.
struct CLIRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the process ended by a signal (a crash), not by exiting.
        var crashed: Bool
    }

    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        get throws {
            try locate(in: [
                Bundle.main.bundleURL.appendingPathComponent("ddi"),
                Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("ddi"),
                repositoryRoot.appendingPathComponent(".build/debug/ddi"),
            ])
        }
    }

    struct ExecutableNotFound: Error, CustomStringConvertible {
        var candidates: [URL]
        var description: String {
            "the ddi executable was not found next to the tests: \(candidates.map(\.path)); build it first (swift build --product ddi)"
        }
    }

    /// A missing binary fails every CLI test, in CI and locally: `swift build` always makes it, so
    /// its absence is a broken build, and a skip would let every CLI test pass without running.
    static func locate(in candidates: [URL]) throws -> URL {
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ExecutableNotFound(candidates: candidates)
        }
        return found
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DDI_TODAY")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so that a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self),
            crashed: process.terminationReason == .uncaughtSignal
        )
    }

    /// Compares with a golden file; `DDI_UPDATE_GOLDEN=1` rewrites it instead.
    static func assertGolden(_ actual: String, _ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = repositoryRoot.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["DDI_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "output differs from \(relativePath) (run with DDI_UPDATE_GOLDEN=1 to accept)", file: file, line: line)
    }
}
