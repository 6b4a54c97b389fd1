import Foundation
import DDITestSupport
import XCTest

/// A git repository in a temporary directory, built by running `git` with fixed dates and authors.
final class GitFixture {
    let url: URL
    var path: String { url.path }
    private var clock = 1_767_225_600 // 2026-01-01T00:00:00Z

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("ddi-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relative: String, _ text: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func remove(_ relative: String) throws { try FileManager.default.removeItem(at: url.appendingPathComponent(relative)) }

    /// Commits everything, one day after the previous commit; returns the commit id.
    @discardableResult
    func commit(_ message: String, author: String = "Mette Lund", email: String = "mette.lund@contoso.com", offset: String = "+0100") throws -> String {
        try git("add", "-A")
        clock += 86_400
        let date = "\(clock) \(offset)"
        let env = ["GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
                   "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date]
        try git("commit", "-q", "--allow-empty", "-m", message, environment: env)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    func merge(_ branch: String, message: String) throws -> String {
        clock += 86_400
        let date = "\(clock) +0100"
        let env = ["GIT_AUTHOR_NAME": "Mette Lund", "GIT_AUTHOR_EMAIL": "mette.lund@contoso.com", "GIT_AUTHOR_DATE": date,
                   "GIT_COMMITTER_NAME": "Mette Lund", "GIT_COMMITTER_EMAIL": "mette.lund@contoso.com", "GIT_COMMITTER_DATE": date]
        try git("merge", "-q", "--no-ff", "-m", message, branch, environment: env)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
        try run(arguments, environment: environment)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        try GitCommandLine.run(arguments, in: url, setting: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": url.path].merging(environment) { $1 })
    }
}

/// Inventory text for tests.
enum Sample {
    static let config = "version: 1\ntenant: contoso.onmicrosoft.com\n"

    static let ranges = """
    ranges:
      - id: cph-hq
        block: "+4533121000..+4533121999"
        source: operator-connect
        country: DK

    """

    static func assigned(_ number: String, to upn: String, reviewed: String = "2026-01-02", owner: String? = nil) -> String {
        """
          - number: "\(number)"
            status: assigned
            kind: user
            assigned_to: \(upn)
            owner: \(owner ?? upn)
            reviewed: \(reviewed)

        """
    }

    static func quarantine(_ number: String, since: String) -> String {
        """
          - number: "\(number)"
            status: quarantine
            since: \(since)

        """
    }

    static func reservedBlock(_ block: String, until: String = "2026-12-31") -> String {
        """
          - block: \(block)
            status: reserved
            until: \(until)
            reason: expansion

        """
    }

    static func file(_ entries: String...) -> String { "numbers:\n" + entries.joined() }
}
