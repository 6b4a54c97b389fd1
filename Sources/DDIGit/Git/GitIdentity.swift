import DDIKit
import Foundation

public enum GitIdentityError: Error, CustomStringConvertible, Equatable {
    case missing(role: String, field: String)
    case badDate(variable: String, value: String)

    public var description: String {
        switch self {
        case .missing(let role, let field):
            let upper = role.uppercased()
            return "no \(role) \(field): set GIT_\(upper)_NAME and GIT_\(upper)_EMAIL, or git config user.name and user.email (git config --global user.email you@example.com)"
        case .badDate(let variable, let value):
            return "\(variable) '\(TextEscaping.terminal(value))' is not a date git reads (use ISO 8601 such as 2026-08-11T10:15:00+01:00, or '@SECONDS +HHMM')"
        }
    }
}

/// Author and committer as git takes them: `GIT_AUTHOR_NAME` / `GIT_AUTHOR_EMAIL` / `GIT_AUTHOR_DATE`
/// (and the `GIT_COMMITTER_*` ones) first, then the configuration (`author.name` / `committer.name`,
/// then `user.name`; likewise for email), else an error that says what to set. No date means now.
public struct GitIdentity: Equatable, Sendable {
    public var author: GitSignature
    public var committer: GitSignature

    public init(author: GitSignature, committer: GitSignature) {
        self.author = author
        self.committer = committer
    }

    /// `environment` is the process environment (a parameter so tests can give their own);
    /// `config` looks a configuration key up; `now` is the time for a signature without a date.
    public static func resolve(environment: [String: String], config: (String) throws -> String?, now: Date = Date()) throws -> GitIdentity {
        GitIdentity(
            author: try signature(role: "author", environment: environment, config: config, now: now),
            committer: try signature(role: "committer", environment: environment, config: config, now: now)
        )
    }

    /// Resolves with the process environment and the repository's configuration.
    public static func resolve(for repository: GitRepository, now: Date = Date()) throws -> GitIdentity {
        let config = try repository.configSnapshot()
        return try resolve(environment: ProcessInfo.processInfo.environment, config: { try config.string($0) }, now: now)
    }

    static func signature(role: String, environment: [String: String], config: (String) throws -> String?, now: Date) throws -> GitSignature {
        let prefix = "GIT_\(role.uppercased())_"
        func pick(_ field: String) throws -> String {
            if let value = environment[prefix + field.uppercased()], !value.isEmpty { return value }
            for key in ["\(role).\(field)", "user.\(field)"] {
                if let value = try config(key), !value.isEmpty { return value }
            }
            throw GitIdentityError.missing(role: role, field: field)
        }
        let name = try pick("name"), email = try pick("email")
        let dateVariable = prefix + "DATE"
        if let text = environment[dateVariable], !text.isEmpty {
            guard let (time, offset) = GitDate.parse(text) else { throw GitIdentityError.badDate(variable: dateVariable, value: text) }
            return GitSignature(name: name, email: email, time: time, offsetMinutes: offset)
        }
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let offset = TimeZone.current.secondsFromGMT(for: now) / 60
        return GitSignature(name: name, email: email, time: seconds, offsetMinutes: offset)
    }
}
