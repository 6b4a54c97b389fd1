import Foundation
import DDITestSupport
import XCTest

/// A copy of examples/contoso as a git repository with one commit, for the commands that commit.
/// Git and ddi run with a private HOME, no system configuration and fixed identities and dates.
final class GitWorkspace {
    let url: URL
    var path: String { url.path }
    let home: URL

    static let identity = [
        "GIT_AUTHOR_NAME": "Ole Hansen", "GIT_AUTHOR_EMAIL": "ole.hansen@contoso.com", "GIT_AUTHOR_DATE": "2026-08-11T10:15:00+01:00",
        "GIT_COMMITTER_NAME": "Ole Hansen", "GIT_COMMITTER_EMAIL": "ole.hansen@contoso.com", "GIT_COMMITTER_DATE": "2026-08-11T10:15:00+01:00",
    ]

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-commit-\(UUID().uuidString)")
        url = base.appendingPathComponent("repo")
        home = base.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("examples/contoso"), to: url)
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "Import the inventory", environment: Self.identity.merging(["GIT_AUTHOR_DATE": "2026-08-01T09:00:00+01:00", "GIT_COMMITTER_DATE": "2026-08-01T09:00:00+01:00"]) { $1 })
    }

    deinit { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

    /// The environment without any identity or configuration of the machine's user.
    var isolated: [String: String] {
        ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1",
         "GIT_AUTHOR_NAME": "", "GIT_AUTHOR_EMAIL": "", "GIT_AUTHOR_DATE": "",
         "GIT_COMMITTER_NAME": "", "GIT_COMMITTER_EMAIL": "", "GIT_COMMITTER_DATE": "", "GIT_INDEX_FILE": ""]
    }

    func read(_ relative: String) throws -> String {
        try String(decoding: Data(contentsOf: url.appendingPathComponent(relative)), as: UTF8.self)
    }

    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(relative))
    }

    /// Replaces `old` (which must occur once) in a file.
    func edit(_ relative: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try read(relative)
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "\(old) in \(relative)", file: file, line: line)
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// Runs ddi in the repository with the fixed identity (or the given environment).
    func ddi(_ arguments: [String], environment: [String: String]? = nil) throws -> CLIRunner.Outcome {
        try CLIRunner.run(arguments, in: url, environment: isolated.merging(environment ?? Self.identity) { $1 })
    }

    @discardableResult
    func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        try run(arguments, environment: environment)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        // Git itself gets no identity, dates or index from the environment unless `environment` names them.
        let unset = ["GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "GIT_INDEX_FILE"]
        let setting = isolated.filter { !unset.contains($0.key) }.merging(environment) { $1 }
        return try GitCommandLine.run(arguments, in: url, setting: setting, removing: unset)
    }
}
